import nodemailer from 'nodemailer';
import { permanent, retryable, type Adapter } from './adapter-types';

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/**
 * Email over SMTP with nodemailer: implicit TLS (465), STARTTLS required (587) or plain (a local relay).
 * A 5xx reply or refused login is permanent; 4xx replies, connection and timeout errors are retried.
 */
export const sendEmail: Adapter = async (message, env) => {
  const { host, port, security, user, from } = env.config.settings.email;
  if (!host || !from) return permanent('Email (SMTP) not set up');
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    auth: user ? { user, pass: env.config.smtpPassword ?? '' } : undefined,
    connectionTimeout: env.timeoutMs,
    greetingTimeout: env.timeoutMs,
    socketTimeout: env.timeoutMs,
  });
  const onAbort = () => transport.close();
  env.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const info = (await transport.sendMail({
      from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
    })) as { messageId?: string };
    return { ok: true, providerId: info.messageId ?? null };
  } catch (error) {
    const failure = error as SmtpError;
    const detail = [failure.code, failure.response ?? failure.message].filter(Boolean).join(': ');
    if (env.signal.aborted) return retryable('interrupted');
    if (failure.code === 'EAUTH' || failure.code === 'EENVELOPE') return permanent(detail);
    if (typeof failure.responseCode === 'number')
      return failure.responseCode >= 500 ? permanent(detail) : retryable(detail);
    return retryable(detail);
  } finally {
    env.signal.removeEventListener('abort', onAbort);
    transport.close();
  }
};
