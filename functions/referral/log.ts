/**
 * One structured line per request: reference, area code, outcome, status and timing. Never a name,
 * a contact detail or anything the person wrote: the fields below are the only ones there are.
 */
export type RequestLog = {
  outcome: string;
  status: number;
  ms: number;
  reference?: string;
  area?: string;
  /** For delivery failures: the SMTP error class (e.g. ECONNECTION, ETIMEDOUT), never its message. */
  error?: string;
};

export type Logger = (entry: RequestLog) => void;

export const jsonLineLogger: Logger = (entry) => {
  const line = { time: new Date().toISOString(), event: 'referral', ...entry };
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

export const silentLogger: Logger = () => {};
