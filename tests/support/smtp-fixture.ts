import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP receiver the browser journeys send to: a real smtp-server on loopback, plus a small HTTP
 * control API so tests in other processes can read what arrived and make it refuse mail.
 *   GET  /messages          every message received, raw, in order
 *   GET  /refused           every message refused (451), raw, in order
 *   POST /refuse?marker=X   answer 451 to any message containing X (others are unaffected)
 *   POST /accept?marker=X   accept messages containing X again
 */
const smtpPort = Number(process.env.SMTP_FIXTURE_PORT ?? 4331);
const controlPort = Number(process.env.SMTP_CONTROL_PORT ?? 4332);
const messages: string[] = [];
const refused: string[] = [];
const refusing = new Set<string>();

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if ([...refusing].some((marker) => raw.includes(marker))) {
        refused.push(raw);
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        return;
      }
      messages.push(raw);
      callback();
    });
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const marker = url.searchParams.get('marker') ?? '';
  if (req.method === 'GET' && (url.pathname === '/messages' || url.pathname === '/refused')) {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(url.pathname === '/messages' ? messages : refused));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/refuse' && marker) refusing.add(marker);
  else if (req.method === 'POST' && url.pathname === '/accept') refusing.delete(marker);
  else if (url.pathname !== '/') res.statusCode = 404;
  res.end('ok');
}).listen(controlPort, '127.0.0.1', () => console.log(`smtp fixture: smtp ${smtpPort}, control ${controlPort}`));
