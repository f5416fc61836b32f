import type { Alert } from '../../../shared/schemas/alerts.js';
import type { MailLanguage } from '../../../shared/schemas/notifications.js';
import { EN, RU, type MailWords } from './mail-words.js';

/**
 * Mails are written from an alert's fields only — kind, states, domain, urgency, deadline, case
 * reference, a link — so nothing the server cannot see, and no person's name, ever gets in.
 */
export interface ComposedMail {
  subject: string;
  text: string;
}

export interface MailContext {
  language: MailLanguage;
  timeZone: string;
  /** The web client's origin, without a trailing slash. */
  origin: string;
}

const PREFIX = '[FocalNet]';

function wordsOf(language: MailLanguage): MailWords[] {
  return language === 'both' ? [EN, RU] : [language === 'ru' ? RU : EN];
}

/** Where in the web client the person acts on the alert. */
export function alertLink(alert: Alert, origin: string): string {
  const { refs } = alert;
  if (alert.kind.startsWith('request.') && refs.requestId) return `${origin}/requests/${refs.requestId}`;
  if (alert.kind === 'message.arrived') return `${origin}/messages`;
  if (alert.kind === 'approval.waiting') return `${origin}/approvals`;
  if (alert.kind === 'dual-control.waiting') return `${origin}/second-approvals`;
  if (alert.kind === 'policy.awaiting-cosignature') return `${origin}/policies`;
  if (alert.kind.startsWith('consensus.')) return `${origin}/decisions`;
  if (alert.kind.startsWith('training.') && refs.trainingRequestId)
    return `${origin}/training-requests/${refs.trainingRequestId}`;
  // A liveness prompt is answered from the banner every page shows.
  return `${origin}/`;
}

function date(iso: string, words: MailWords, timeZone: string): string {
  return new Intl.DateTimeFormat(words.locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

function title(alert: Alert, words: MailWords): string {
  const template =
    alert.kind === 'request.arrived' && alert.urgency === 'urgent' ? words.urgentRequest : words.titles[alert.kind];
  return template.replace('{cp}', alert.counterpartState ?? words.anotherState);
}

function headline(alert: Alert, words: MailWords, timeZone: string): string {
  const when = alert.kind === 'request.overdue' ? words.wasDue : words.answerBy;
  const by = alert.deadline ? ` — ${when} ${date(alert.deadline, words, timeZone)}` : '';
  return `${title(alert, words)}${by}`;
}

function details(alert: Alert, words: MailWords, context: MailContext): string[] {
  const { labels } = words;
  return [
    `${labels.event}: ${title(alert, words)}`,
    ...(alert.counterpartState ? [`${labels.counterpart}: ${alert.counterpartState}`] : []),
    ...(alert.domain ? [`${labels.domain}: ${alert.domain}`] : []),
    ...(alert.urgency ? [`${labels.urgency}: ${words.urgency[alert.urgency]}`] : []),
    ...(alert.deadline ? [`${labels.deadline}: ${date(alert.deadline, words, context.timeZone)}`] : []),
    ...(alert.refs.reference ? [`${labels.reference}: ${alert.refs.reference}`] : []),
    `${labels.open}: ${alertLink(alert, context.origin)}`,
  ];
}

function footer(words: MailWords, origin: string): string[] {
  return ['', words.noContent, `${words.settings}: ${origin}/account/notifications`];
}

export function composeAlertMail(alert: Alert, context: MailContext): ComposedMail {
  const all = wordsOf(context.language);
  return {
    subject: `${PREFIX} ${all.map((words) => headline(alert, words, context.timeZone)).join(' / ')}`,
    text: all
      .map((words) => [...details(alert, words, context), ...footer(words, context.origin)].join('\n'))
      .join('\n\n---\n\n'),
  };
}

/** One mail listing every alert of a digest, oldest first. */
export function composeDigestMail(alerts: readonly Alert[], context: MailContext): ComposedMail {
  const all = wordsOf(context.language);
  const sorted = [...alerts].sort((a, b) => a.at.localeCompare(b.at));
  const block = (words: MailWords): string =>
    [
      words.digestIntro,
      '',
      ...sorted.flatMap((alert) => [
        `- ${headline(alert, words, context.timeZone)}`,
        ...(alert.domain ? [`  ${words.labels.domain}: ${alert.domain}`] : []),
        ...(alert.refs.reference ? [`  ${words.labels.reference}: ${alert.refs.reference}`] : []),
        `  ${words.labels.open}: ${alertLink(alert, context.origin)}`,
      ]),
      ...footer(words, context.origin),
    ].join('\n');
  return {
    subject: `${PREFIX} ${all.map((words) => words.digestSubject(sorted.length)).join(' / ')}`,
    text: all.map(block).join('\n\n---\n\n'),
  };
}

export function composeVerificationMail(link: string, hours: number, language: MailLanguage): ComposedMail {
  const all = wordsOf(language);
  return {
    subject: `${PREFIX} ${all.map((words) => words.verifySubject).join(' / ')}`,
    text: all.map((words) => words.verifyBody(link, hours)).join('\n\n---\n\n'),
  };
}
