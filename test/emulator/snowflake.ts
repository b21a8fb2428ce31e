const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A real-shaped snowflake (17–19 digits): @discordjs/rest buckets routes with `\d{17,19}`. */
export function snowflake(ms: number = Date.now()): string {
  counter = (counter + 1n) & 0x3fffffn;
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
