/**
 * One-line log records with secrets redacted. Every line the gateway writes goes through here, so the API key can
 * never reach a log, whatever an upstream error message or URL happens to contain.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const REDACTED = '[redacted]';

/** Replaces every occurrence of each secret (and its URL-encoded form) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out;
}

const formatFields = (fields: LogFields | undefined) =>
  Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && /[\s"=]/.test(value) ? JSON.stringify(value) : value}`)
    .join(' ');

/** A logger that writes `level message key=value …` lines to `write` (stderr by default). */
export function createLogger(options: { secrets?: readonly string[]; write?: (line: string) => void; quiet?: boolean } = {}): Logger {
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => console.error(line));
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (options.quiet && level === 'info') return;
    const extra = formatFields(fields);
    write(redact(`${level} ${message}${extra ? ` ${extra}` : ''}`, secrets));
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps nothing: for library use where the caller does not care. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
