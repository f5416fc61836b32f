/** English strings of liveness checks and the prompt banner (top-level key `liveness` of en.ts). */
const liveness = {
  nav: 'Liveness checks',
  title: 'Liveness checks',
  intro:
    'A liveness check asks focal points to confirm at once that they are reachable. Each answers with a signature by their own key, so an answer proves the person, not just the account.',
  start: {
    title: 'Start a check',
    intro: 'Every active focal point in scope gets a prompt now.',
    scope: 'Member states',
    allStates: 'All member states',
    domain: 'Domain',
    allDomains: 'all domains',
    deadline: 'Answer within (minutes)',
    deadlineHint: 'Answers after this count as late. From 1 minute to 7 days (10080).',
    deadlineInvalid: 'Enter a whole number of minutes from 1 to 10080.',
    submit: 'Start the check',
    started: 'Check started; focal points prompted: {{count}}.',
  },
  history: {
    title: 'Earlier checks',
    empty: 'No checks yet.',
    started: 'Started',
    scope: 'Scope',
    deadline: 'Deadline',
    details: 'Details',
  },
  outcome: { answered: 'Answered in time', late: 'Answered late', none: 'No answer' },
  detail: {
    title: 'Liveness check',
    back: '← All checks',
    byState: 'By member state',
    byPerson: 'By focal point',
    state: 'Member state',
    targets: 'Prompted',
    median: 'Median response time',
    person: 'Focal point',
    outcome: 'Outcome',
    responseTime: 'Response time',
    nobody: 'Nobody was prompted in your scope.',
  },
  banner: {
    title: 'Liveness check from your administration — confirm you are reachable',
    deadline: 'Please answer by {{time}}. Your answer is signed with your personal key.',
    confirm: 'I am reachable — confirm',
    signing: 'Signing…',
    answered: 'Thank you: your administration sees that you answered in time.',
    late: 'Thank you: your answer was recorded, after the deadline.',
    dismiss: 'Dismiss',
  },
} as const;

export const livenessEn = { liveness };
