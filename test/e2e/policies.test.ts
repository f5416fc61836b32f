import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { Labels } from '../../shared/schemas/labels.js';
import type { FullPolicyView } from '../../shared/schemas/policy-api.js';
import { createPolicyEnforcement } from '../../server/modules/policies/enforce-policy.js';
import type { TestPerson } from '../helpers/accounts.js';
import { call } from '../helpers/api.js';
import { policyBody, publishPolicy } from '../helpers/policies.js';
import type { TestServer } from '../helpers/test-server.js';
import { screenshots, signInThroughUi, startE2e, watchErrors } from '../helpers/e2e.js';
import { populateNetwork } from '../helpers/network.js';

const LEGAL_EN = 'National law on personal data, article 16';
const LEGAL_RU = 'Национальный закон о персональных данных, статья 16';

const shot = screenshots('policies');

describe('e2e: disclosure policies in Chromium', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let closeE2e: (() => Promise<void>) | undefined;
  let kz: TestPerson;
  let kz2: TestPerson;
  let fpKz: TestPerson;

  before(async () => {
    ({ t, browser, close: closeE2e } = await startE2e());
    const net = await populateNetwork(t, { states: { KZ: { admins: 2, focalPoints: { border: 1 } }, RU: {}, CN: {} } });
    [kz, kz2, fpKz] = [net.admin('KZ'), net.admin('KZ', 1), net.focalPoint('KZ')];
    // Other states' policies, for the published summaries.
    const ru = net.admin('RU');
    await publishPolicy(
      t,
      ru,
      policyBody('RU', 1, [
        {
          id: 'no-confidential-in',
          direction: 'inbound',
          classifications: ['confidential'],
          effect: 'deny',
          published: true,
          legalBasis: { en: 'Federal Law 149-FZ, art. 9', ru: 'Федеральный закон № 149-ФЗ, ст. 9' },
        },
        {
          id: 'internal-only',
          direction: 'outbound',
          categories: ['arms-wmd'],
          effect: 'deny',
          legalBasis: { en: 'Unpublished decree' },
        },
      ]),
    );
    const cn = net.admin('CN');
    await publishPolicy(
      t,
      cn,
      policyBody('CN', 1, [
        {
          id: 'fin-conditions',
          direction: 'inbound',
          categories: ['financial'],
          effect: 'conditions',
          conditions: { minHandling: 'H2', retentionDays: 180 },
          published: true,
          legalBasis: { en: 'Anti-Money Laundering Law, art. 28' },
        },
      ]),
    );
  });
  after(async () => closeE2e?.());

  it('a national admin signs and publishes a rule; a focal point previews it per recipient state, in English and Russian', async () => {
    // ── A: the KZ national admin signs in with TOTP (keys unlock with the password) and opens the editor ──
    const admin = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } })
    ).newPage();
    const adminErrors = watchErrors(admin);
    await signInThroughUi(t, admin, kz);
    await admin.getByRole('link', { name: 'Disclosure policy', exact: true }).click();
    await admin.getByTestId('policy-in-force').getByText('no disclosure policy yet').waitFor();

    // ── A: a rule without a legal basis is refused by the shared schema before anything is signed ──
    await admin.getByRole('button', { name: 'Add a rule' }).click();
    const form = admin.getByTestId('rule-form');
    await form.getByLabel('Rule id').fill('no-personal-data-abroad');
    const categories = form.getByRole('group', { name: 'Information categories' });
    await categories.getByLabel('Only these').check();
    await form.getByRole('button', { name: 'Done' }).click();
    expect(await form.getByText('Tick at least one, or choose “any”.').count()).to.equal(1);
    expect(await form.getByText('Name the legal basis: the law and article.').count()).to.equal(1);
    await shot(admin, '01-admin-rule-problems-en');

    // ── A: deny outbound personal data to every member state except Russia, with its legal basis ──
    await categories.getByLabel('Personal data').check();
    const recipients = form.getByRole('group', { name: 'Recipient states' });
    await recipients.getByLabel('All other member states (28) except these').check();
    await recipients.getByLabel('Russia').check();
    await form.getByLabel('Legal basis (English)').fill(LEGAL_EN);
    await form.getByLabel('Legal basis (Russian, optional)').fill(LEGAL_RU);
    await shot(admin, '02-admin-rule-form-en');
    await form.getByRole('button', { name: 'Done' }).click();
    const card = admin.locator('[data-testid="rule-card"][data-rule-id="no-personal-data-abroad"]');
    expect(await card.getByTestId('rule-counterparts').textContent()).to.equal('all other member states except Russia');
    expect(await admin.getByTestId('pending-changes').textContent()).to.contain('rules added: 1');
    await shot(admin, '03-admin-editor-en');
    await admin.getByRole('button', { name: 'Sign and publish version 1' }).click();
    await admin.getByTestId('published').waitFor();
    expect(await admin.getByTestId('policy-in-force').getAttribute('data-version')).to.equal('1');
    await shot(admin, '04-admin-published-en');

    // ── B: a KZ focal point previews personal data to China (denied, with the legal basis) and to Russia (allowed) ──
    const fp = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } })).newPage();
    const fpErrors = watchErrors(fp);
    await signInThroughUi(t, fp, fpKz);
    await fp.getByRole('link', { name: 'Disclosure preview' }).click();
    await fp.getByLabel('Information category').selectOption('personal-data');
    const to = fp.getByRole('group', { name: 'Recipient states' });
    await to.getByLabel('China').check();
    const china = fp.locator('[data-testid="recipient-decision"][data-state="CN"]');
    expect(await china.getAttribute('data-effect')).to.equal('deny');
    expect(await china.getByTestId('decision-reason').first().textContent()).to.equal(
      `denied — outbound rule "no-personal-data-abroad" of KZ (policy version 1). Legal basis: ${LEGAL_EN}`,
    );
    expect(await fp.getByTestId('preview-caveat').textContent()).to.contain('Other states may have unpublished rules');
    await shot(fp, '05-focal-point-preview-china-en');
    await to.getByLabel('China').uncheck();
    await to.getByLabel('Russia').check();
    const russia = fp.locator('[data-testid="recipient-decision"][data-state="RU"]');
    expect(await russia.getAttribute('data-effect')).to.equal('allow');
    await to.getByLabel('China').check();
    expect(await fp.getByTestId('preview-overall').textContent()).to.equal('Overall: denied');
    await shot(fp, '06-focal-point-preview-both-en');

    // ── B: the same in Russian: the rule's Russian legal basis ──
    await fp.getByRole('button', { name: 'Русский' }).click();
    await fp.getByRole('heading', { name: 'Проверка раскрытия' }).waitFor();
    expect(await china.getByTestId('decision-reason').first().textContent()).to.contain(
      `Правовое основание: ${LEGAL_RU}`,
    );
    expect(await china.locator('.effect-badge').textContent()).to.equal('запрещено');
    await shot(fp, '07-focal-point-preview-ru');
    await fp.getByRole('link', { name: 'Политики государств' }).click();
    await fp
      .locator('[data-testid="state-policy"][data-state="RU"]')
      .getByText('Федеральный закон № 149-ФЗ, ст. 9')
      .waitFor();
    expect(await fp.getByText('Unpublished decree').count()).to.equal(0);
    await shot(fp, '08-focal-point-states-ru');
    // A focal point reads the own state's policy in full (the unpublished rules too) but cannot change it.
    await fp.getByRole('link', { name: 'Политика раскрытия' }).click();
    await fp.getByTestId('own-policy').locator('[data-rule-id="no-personal-data-abroad"]').waitFor();
    expect(await fp.getByRole('button', { name: 'Добавить правило' }).count()).to.equal(0);
    await shot(fp, '08b-focal-point-own-policy-ru');

    expect(adminErrors).to.deep.equal([]);
    expect(fpErrors).to.deep.equal([]);
  });

  // Continues from the test above: version 1 of KZ's policy is in force.
  it('another admin publishes meanwhile: reload and reapply, then history, diff and the approvals queue', async () => {
    const admin = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } })
    ).newPage();
    const adminErrors = watchErrors(admin);
    await signInThroughUi(t, admin, kz);
    await admin.getByRole('link', { name: 'Disclosure policy', exact: true }).click();
    await admin.locator('[data-testid="policy-in-force"][data-version="1"]').waitFor();

    // ── A: adds an inbound rule with conditions ──
    await admin.getByRole('button', { name: 'Add a rule' }).click();
    const form = admin.getByTestId('rule-form');
    await form.getByLabel('Rule id').fill('financial-in');
    await form.getByLabel('Direction').selectOption('inbound');
    await form.getByLabel('Effect', { exact: true }).selectOption('conditions');
    const categories = form.getByRole('group', { name: 'Information categories' });
    await categories.getByLabel('Only these').check();
    await categories.getByLabel('Financial and banking data').check();
    await form.getByLabel('Keep for at most (days)').fill('90');
    await form.getByLabel('No onward dissemination').check();
    await form.getByLabel('Legal basis (English)').fill('Law on banks and banking, art. 50');
    await form.getByRole('button', { name: 'Done' }).click();
    await admin.locator('[data-testid="rule-card"][data-rule-id="financial-in"]').waitFor();

    // ── B: meanwhile a second KZ admin publishes version 2 (an unpublished hold for confidential exchanges) ──
    const v1 = await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ', { token: kz2.session?.accessToken });
    await publishPolicy(t, kz2, {
      ...v1.body.policy,
      version: 2,
      rules: [
        ...v1.body.policy.rules,
        {
          id: 'hold-confidential',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Order of the Ministry 12' },
        },
      ],
    });

    // ── A: signing version 2 conflicts; reapply puts the change on top of version 2 ──
    await admin.getByRole('button', { name: 'Sign and publish version 2' }).click();
    await admin.locator('.form-error[data-code="policy.version-conflict"]').waitFor();
    await shot(admin, '09-admin-version-conflict-en');
    await admin.getByRole('button', { name: 'Load their version and reapply my changes' }).click();
    await admin.getByTestId('reapplied').waitFor();
    expect(
      await admin
        .locator('[data-testid="rule-card"]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-rule-id'))),
    ).to.deep.equal(['no-personal-data-abroad', 'hold-confidential', 'financial-in']);
    await shot(admin, '10-admin-reapplied-en');
    await admin.getByRole('button', { name: 'Sign and publish version 3' }).click();
    await admin.getByTestId('published').waitFor();
    expect(await admin.getByTestId('policy-in-force').getAttribute('data-version')).to.equal('3');

    // ── A: history with signers, the diff from 1 to 3, and a version re-checked here ──
    await admin.getByRole('link', { name: 'Version history' }).click();
    const rows = admin.getByTestId('version-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version')))).to.deep.equal([
      '3',
      '2',
      '1',
    ]);
    // Signers by name (loaded with the state's people, after the versions themselves).
    await rows.nth(1).getByText('Admin KZ').waitFor();
    await admin.getByLabel('From version').selectOption('1');
    await admin.getByLabel('To version').selectOption('3');
    await admin.getByRole('button', { name: 'Compare versions' }).click();
    const added = admin.getByTestId('diff-added');
    await added.locator('[data-rule-id="hold-confidential"]').waitFor();
    expect(
      await added.locator('[data-rule-id]').evaluateAll((rules) => rules.map((r) => r.getAttribute('data-rule-id'))),
    ).to.deep.equal(['financial-in', 'hold-confidential']);
    await rows.nth(1).getByRole('button', { name: 'View' }).click();
    await admin.getByTestId('signature-check').waitFor();
    expect(await admin.getByTestId('signature-check').getAttribute('data-valid')).to.equal('true');
    await shot(admin, '11-admin-history-diff-en');

    // ── A: an exchange held by the new rule waits in the approvals queue; a rejection needs a reason ──
    const enforcement = createPolicyEnforcement(t.server.policies);
    const labels: Labels = {
      domain: 'law-enforcement',
      category: 'criminal-intelligence',
      classification: 'confidential',
      handling: 'H2',
    };
    const decision = await enforcement.decideExchange({
      labels,
      kind: 'request:person-entity-check',
      fromState: 'KZ',
      toStates: ['CN'],
      at: t.clock.now(),
    });
    expect(decision.effect).to.equal('approve');
    await enforcement.holdForApproval({
      exchangeRef: 'e2e-1',
      fromUserId: fpKz.user.id,
      fromState: 'KZ',
      toStates: ['CN'],
      labels,
      kind: 'request:person-entity-check',
      decision,
    });
    await admin.getByRole('link', { name: /^Approvals/ }).click();
    const held = admin.locator('[data-testid="approval"][data-status="pending"]');
    expect(await held.getByTestId('hold').first().textContent()).to.contain('hold-confidential');
    const confirmDialog = admin.getByRole('dialog');
    await held.getByRole('button', { name: 'Reject', exact: true }).click();
    await confirmDialog.getByRole('button', { name: /^Reject — / }).click();
    await confirmDialog.getByText('Say why you reject it: the sender is told.').waitFor();
    await shot(admin, '12-admin-approvals-reject-needs-reason-en');
    await confirmDialog
      .getByLabel('Why you reject it (the sender is told)')
      .fill('The person is subject to a national investigation.');
    await confirmDialog.getByRole('button', { name: /^Reject — / }).click();
    await admin.getByTestId('approval-notice').waitFor();
    await admin.getByTestId('no-approvals').waitFor();
    await admin.getByRole('button', { name: 'Rejected' }).click();
    await admin
      .locator('[data-testid="approval"][data-status="rejected"]')
      .getByText('The person is subject to a national investigation.')
      .waitFor();
    await shot(admin, '13-admin-approvals-rejected-en');

    // ── A: the same pages in Russian ──
    await admin.getByRole('button', { name: 'Русский' }).click();
    await admin.getByRole('heading', { name: 'Обмены, ожидающие одобрения' }).waitFor();
    await shot(admin, '14-admin-approvals-ru');
    await admin.getByRole('link', { name: 'Политика раскрытия' }).click();
    await admin
      .locator('[data-testid="rule-card"][data-rule-id="financial-in"]')
      .getByText('Принимает только на условиях')
      .waitFor();
    await shot(admin, '15-admin-editor-ru');
    const financial = admin.locator('[data-testid="rule-card"][data-rule-id="financial-in"]');
    await financial.getByRole('button', { name: 'Изменить' }).click();
    const ruForm = admin.getByTestId('rule-form');
    await ruForm.getByLabel('Правовое основание (на английском)').fill('');
    await ruForm.getByRole('button', { name: 'Готово' }).click();
    await ruForm.getByText('Укажите правовое основание: закон и статью.').waitFor();
    await shot(admin, '16-admin-rule-problems-ru');

    expect(adminErrors).to.deep.equal([]);
  });
});
