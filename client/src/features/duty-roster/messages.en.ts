/** English strings of away-with-a-deputy and duty desks (top-level key `duty` of en.ts). */
const duty = {
  away: {
    title: 'Away and deputy',
    badge: 'Away',
    until: 'Away until {{until}}.',
    openEnded: 'Away, no return date given.',
    planned: 'Will be away from {{from}} until {{until}}.',
    plannedOpenEnded: 'Will be away from {{from}}, no return date given.',
    deputy: 'Deputy meanwhile:',
    deputyWithheld: 'Their state does not show its deputies to yours.',
    deputyShort: 'deputy: {{name}}',
    note: 'Note:',
    coveringUntil: 'until {{until}}',
    coveringTitle: 'Standing in for',
  },
  form: {
    intro:
      'While you are away, new requests and messages sent to you also go to your deputy, who can read and answer them, and your reminders and overdue alerts reach them too.',
    introOther:
      'While {{name}} is away, new requests and messages sent to them also go to the deputy, who can read and answer them, and their reminders and overdue alerts reach the deputy too.',
    deputy: 'Deputy',
    deputyHint:
      'An active focal point of your state who serves at least one of the same domains and is not away at the same time.',
    chooseDeputy: 'Choose a deputy',
    noColleagues: 'No colleague can stand in: nobody of your state serves the same domains and is present.',
    from: 'From (optional)',
    fromHint: 'Leave empty to start now.',
    until: 'Until (optional)',
    untilHint: 'The day and time you are back. Leave empty if you do not know yet.',
    note: 'Note for your state (optional)',
    noteHint: 'At most 200 characters. Other states do not see it.',
    markAway: 'Mark as away',
    marked: 'Marked as away. The deputy receives new requests and alerts from now on (or from the start you gave).',
    back: "I'm back",
    backOther: 'End the absence',
    cameBack: 'Back: new requests and alerts go to the person alone again.',
    deputyRequired: 'Choose a deputy.',
  },
  desk: {
    membersTitle: 'Members of this duty desk',
    noMembers: 'No members named yet.',
    edit: 'Members',
    editHint: "The focal points of your state who staff this desk. The desk's entry lists them.",
    save: 'Save the members',
    saved: 'Members saved.',
  },
  notice: {
    label: 'Recipients who are away',
    willAlsoReceive: '{{name}} is away until {{until}}; {{deputy}} (deputy) will also receive this.',
    willAlsoReceiveOpen: '{{name}} is away; {{deputy}} (deputy) will also receive this.',
    withheld: '{{name}} is away; their state does not show its deputy to yours, so only {{name}} receives this.',
    notInDomain:
      '{{name}} is away; their deputy {{deputy}} does not serve this domain, so only {{name}} receives this.',
    unavailable: '{{name}} is away and their deputy {{deputy}} is not available: only {{name}} receives this.',
  },
  case: { deputies: 'Also to (deputy)', byDeputy: 'by {{name}}, deputy' },
  home: {
    youAreAway: 'You are marked away.',
    change: 'Back early? Say so on your account page.',
    coveringHint: 'Their new requests and alerts reach you too.',
  },
  people: { away: 'Away and deputy' },
} as const;

export const dutyEn = { duty };
