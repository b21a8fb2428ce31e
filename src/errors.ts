/**
 * An expected refusal whose message is written for the member: the router shows it verbatim,
 * ephemerally. Anything else is logged and answered with a generic message.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
