/** Discord caps custom ids at 100 characters. */
export const CUSTOM_ID_MAX = 100;

/** Builds `prefix:arg1:arg2`; arguments must not contain ':' */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const parts = [prefix, ...args.map(String)];
  if (parts.some((p) => p.includes(':'))) throw new Error(`custom id part contains ':' (${prefix})`);
  const id = parts.join(':');
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom id longer than ${CUSTOM_ID_MAX} characters (${prefix})`);
  return id;
}

export function parseCustomId(id: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = id.split(':');
  return { prefix, args };
}
