/** The log the channels write to (pino's shape). Channel configs carry secrets: never log one. */
export interface ChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
