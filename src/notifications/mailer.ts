// Sending email through the SMTP server SMTP_URL names, with nodemailer. Nothing else in the
// portal speaks SMTP; tests hand the sweep a mailer over a local smtp-server.
import type nodemailer from 'nodemailer';

/** One plain-text email. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends email; `send` rejects with the server's or the network's error. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** SMTP_URL and SMTP_FROM, as config.ts checked them. */
export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  /** The sender: an address, optionally with a name (南昌招商 <noreply@example.gov.cn>). */
  from: string;
}

// A server that does not answer must not hold the sweep: each stage gives up after these.
const CONNECTION_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 30_000;

/**
 * A mailer over one SMTP server, reusing its connection between emails. nodemailer is loaded with
 * the first email (imported alone it adds 26 MB resident); reminders are rare.
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  let transport: Promise<ReturnType<typeof nodemailer.createTransport>> | undefined;
  const connected = () =>
    (transport ??= import('nodemailer').then(({ default: mailer }) =>
      mailer.createTransport(
        { url: settings.url, connectionTimeout: CONNECTION_TIMEOUT_MS, greetingTimeout: CONNECTION_TIMEOUT_MS, socketTimeout: SOCKET_TIMEOUT_MS },
        { from: settings.from },
      ),
    ));
  return {
    async send(email) {
      await (await connected()).sendMail({ to: email.to, subject: email.subject, text: email.text });
    },
    close: () => void transport?.then((opened) => opened.close()),
  };
}
