import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: Map<string, unknown>;
}

/** A real SMTP server on loopback that parses what it receives; it can be stopped and started again on its port. */
export interface SmtpReceiver {
  port: number;
  /** Every mail received so far, in order of arrival. */
  mails: ReceivedMail[];
  /** Mails to `address`. */
  to(address: string): ReceivedMail[];
  /** Recipients answered `550 no such user`. */
  refuse(address: string): void;
  /** The server goes away (connections are refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** The env that points a test server at this receiver (no TLS on loopback). */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const refused = new Set<string>();
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!refused.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error('no such user here'), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              headers: parsed.headers,
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const port = await listen(0);
  let running = true;
  return {
    port,
    mails,
    to: (address) => mails.filter((mail) => mail.to.includes(address)),
    refuse: (address) => refused.add(address.toLowerCase()),
    async down() {
      if (!running) return;
      running = false;
      await close();
    },
    async up() {
      if (running) return;
      server = make();
      await listen(port);
      running = true;
    },
    env: () => ({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_SECURE: 'none',
      SMTP_FROM: 'FocalNet <alerts@focalnet.test>',
      OUTBOX_SWEEP_SECONDS: '0.2',
    }),
    async stop() {
      if (running) await close();
      running = false;
    },
  };
}
