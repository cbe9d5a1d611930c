/**
 * Where one-time sign-in codes go. Pluggable: SMTP (nodemailer) in production; in development and tests an
 * in-memory sink the tests read (`hub.identity.sink`), never an HTTP endpoint. No sender logs a code.
 */
import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.js';

export type IdentifierKind = 'EMAIL' | 'PHONE';

export interface CodeMessage {
  kind: IdentifierKind;
  to: string;
  code: string;
}

export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}

/** Keeps the last messages in memory (development and tests). */
export class MemorySink implements CodeSender {
  readonly messages: CodeMessage[] = [];

  send(message: CodeMessage): Promise<void> {
    this.messages.push(message);
    if (this.messages.length > 1000) this.messages.shift();
    return Promise.resolve();
  }

  /** The newest code sent to `to`. */
  lastCodeFor(to: string): string | undefined {
    return this.messages.findLast((m) => m.to === to)?.code;
  }
}

/** E-mail through SMTP. Phones need an SMS sender, which is not built yet: such codes are dropped with a warning. */
export class SmtpSender implements CodeSender {
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: CodeMessage): Promise<void> {
    if (message.kind !== 'EMAIL') {
      this.log.warn('sign-in code not sent: no SMS sender configured', { kind: message.kind });
      return;
    }
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: 'Your sign-in code',
      text: `Your sign-in code is ${message.code}. It expires in a few minutes. If you did not ask for it, ignore this message.`,
    });
  }
}
