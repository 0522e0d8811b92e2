// @vitest-environment jsdom
// Trust and safety in the console over the in-memory double: the flag queue, the evidence with
// its marked phrases, a dismissal with a reason, a confirmation built from sanctions, the core's
// preview and the statement of reasons, a ban asked twice, and an auditor who decides nothing.
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FLAG_ID, RATINGS, flagItem, trustConsole } from './fakeTrust';
import { renderConsole } from './render';

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });
const shownFlag = () => document.querySelector('[data-testid="flag-screen"]')?.getAttribute('data-item-id');
const EXPLANATION = 'Offering free work for a five-star rating is paying for a rating.';

async function openFlag(options: Parameters<typeof trustConsole>[0] = {}) {
  const fake = trustConsole(options);
  const rendered = renderConsole(`/queues/flags/${FLAG_ID}`, { fake });
  await screen.findByTestId('why');
  return rendered;
}

async function fillGround() {
  fireEvent.click(screen.getByRole('combobox', { name: /Code-of-conduct clause/ }));
  // jsdom lays nothing out, so the dropdown stays display: none; its options still take a click.
  fireEvent.click(await screen.findByRole('option', { name: /CoC-4.3/, hidden: true }));
  fireEvent.change(screen.getByTestId('explanation'), { target: { value: EXPLANATION } });
}

describe('the flag queue', { timeout: 60_000 }, () => {
  it('lists flags by score with their detectors, filters by minimum score in the URL, and opens one with Enter', async () => {
    const fake = trustConsole({ flags: 4 });
    renderConsole('/queues/flags', { fake });
    const grid = await screen.findByRole('grid', { name: 'Manipulation flags' });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(5));
    expect(within(grid).getByText('@ana_designs')).toBeTruthy();
    expect(within(grid).getAllByText('Pressure')).toHaveLength(4);
    // A third detector is counted, and named for a screen reader: '+1 more: Raised after contact'.
    expect(within(grid).getByText(/^\+1/).textContent).toBe('+1 more: Raised after contact');
    expect(screen.getByTestId('queue-count').textContent).toBe('4 open flags');

    fireEvent.click(screen.getByRole('combobox', { name: 'Minimum score' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Score 90 or more', hidden: true }));
    await waitFor(() => expect(window.location.hash).toBe('#/queues/flags?minScore=90'));
    await waitFor(() => expect(within(screen.getByRole('grid')).getAllByRole('row')).toHaveLength(5));
    expect(fake.callsOf('queues.page').at(-1)).toMatchObject({ queue: 'flags', filter: { minScore: 90 } });

    screen.getByRole('grid').focus();
    key('Enter');
    await waitFor(() => expect(shownFlag()).toBe(FLAG_ID));
  });
});

describe('a flag', { timeout: 60_000 }, () => {
  it('shows the hits with their scores, the message as a bubble with the matched phrases marked, and the rating change', async () => {
    await openFlag();
    expect(screen.getByTestId('why').textContent).toContain('Score 96 from 3 hits');
    expect(within(screen.getByTestId('hits')).getAllByRole('button')).toHaveLength(3);
    const body = screen.getByTestId('message-body');
    // "change your rating to 5 stars" and "rating to 5 stars" overlap: one highlight; "free" another.
    expect([...body.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['change your rating to 5 stars', 'free']);
    expect(body.textContent).toBe('🙏 Please change your rating to 5 stars and the next logo is free.');
    expect(screen.getByTestId('stars').textContent).toBe('★1 → ★5');
    expect(screen.getByText('5 h after the designer’s message')).toBeTruthy();
  });

  it('dismisses with D, a number for the reason and Enter, and opens the next flag', async () => {
    const { fake } = await openFlag();
    key('d');
    expect(await screen.findByText('Pick a reason (1–3).')).toBeTruthy();
    key('Enter');
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    key('2');
    await screen.findByText('Dismiss: insufficient evidence');
    key('Enter');
    await waitFor(() => expect(shownFlag()).toBe('flag-1'));
    expect(fake.callsOf('decisions.decide')).toEqual([{ subjectType: 'flag', subjectId: FLAG_ID, outcome: 'dismiss', reasonCode: 'insufficient_evidence', expectedRev: 1 }]);
    expect(await screen.findByText(/Dismissed \(insufficient evidence\) — sending in 5 s/)).toBeTruthy();
  });

  it('confirms with a warning and a voided rating picked from the evidence: the core’s preview, the five parts, and the typed explanation in the letter', async () => {
    const { fake } = await openFlag();
    key('c');
    await screen.findByTestId('confirm-panel');
    // The explanation is never pre-filled, and confirming waits for it.
    expect((screen.getByTestId('explanation') as HTMLTextAreaElement).value).toBe('');
    expect(within(screen.getByTestId('confirm-problems')).getByText('Ground: write in your own words why the facts breach the clause.')).toBeTruthy();

    fireEvent.click(screen.getByLabelText(/Cite the message of/));
    fireEvent.click(screen.getByLabelText(/Cite the rating change of/));
    fireEvent.click(screen.getByLabelText('Formal warning'));
    fireEvent.click(screen.getByTestId('void-s-raised'));
    const preview = await screen.findByTestId('preview');
    await waitFor(() => expect(within(preview).getByText('3.00 (1)', { selector: '[data-category="logo"] td' })).toBeTruthy());
    expect(within(preview).getByText('4.00 (2)', { selector: '[data-category="logo"] td' })).toBeTruthy();
    expect(within(preview).getByTestId('preview-account').textContent).toBe('warned');

    await fillGround();
    await waitFor(() => expect(screen.queryByTestId('confirm-problems')).toBeNull());
    const letter = screen.getByTestId('letter') as HTMLTextAreaElement;
    expect(letter.value).toContain(EXPLANATION);
    expect(letter.value).toContain('1 rating no longer counts toward your logo rating.');
    // The reporting customer is not named (R12).
    expect(letter.value).not.toContain('Bean & Co');
    const parts = within(screen.getByTestId('statement-parts')).getAllByRole('listitem');
    expect(parts.map((p) => p.querySelector('p')?.textContent)).toEqual(['What we decided', 'The facts we relied on', 'How this came to our attention', 'Why', 'How to appeal']);

    // Out of the fields (Esc from a field), ⏎ confirms and opens the next flag.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    key('Enter');
    await waitFor(() => expect(fake.callsOf('decisions.decide')).toHaveLength(1));
    const sent = fake.callsOf('decisions.decide')[0];
    expect(sent).toMatchObject({
      subjectType: 'flag',
      subjectId: FLAG_ID,
      outcome: 'confirm',
      sanctions: [{ type: 'warn' }, { type: 'void_ratings', ratingIds: ['s-raised'] }],
      statementOfReasons: letter.value,
      evidenceKeys: flagItem().timeline.map((e) => e.key),
      expectedRev: 1,
    });
    await waitFor(() => expect(shownFlag()).toBe('flag-1'));
  });

  it('offers one void choice per rating when the evidence names it twice, and the picker and the preview agree with it', async () => {
    // As the platform's "raised after contact" hit does: the rating as it stood, the message, the raise.
    const base = flagItem();
    const firstStars = RATINGS[0]?.history[0]?.at ?? '';
    const standing = { kind: 'rating' as const, id: 's-raised', at: firstStars, detail: '1 star for submission s-raised', key: `rating:s-raised:${firstStars}`, starsAfter: 1, detectors: ['rating_raised_after_contact' as const] };
    await openFlag({ item: { ...base, timeline: [standing, ...base.timeline] } });
    key('c');
    await screen.findByTestId('confirm-panel');

    // Two mentions, each citable on its own, but one void box, on the first.
    expect(screen.getAllByLabelText(/Cite the rating/)).toHaveLength(2);
    expect(screen.getAllByTestId('void-s-raised')).toHaveLength(1);
    expect(screen.getAllByRole('checkbox', { name: /Void this rating/ })).toHaveLength(1);
    const mentions = screen.getAllByTestId('stars').map((el) => el.closest('li'));
    expect(mentions[0]?.querySelector('[data-testid="void-s-raised"]')).not.toBeNull();
    expect(within(mentions[1] as HTMLElement).getByTestId('void-pointer-s-raised').textContent).toMatch(/^Same rating as above \(.+\): not picked to void\./);

    // Picked in the timeline: the picker shows it, the later mention says so, the preview counts it once.
    fireEvent.click(screen.getByTestId('void-s-raised'));
    const picker = screen.getByRole('group', { name: 'Ratings to void' });
    const pickerBox = within(picker).getByRole('checkbox', { name: /s-raised/ }) as HTMLInputElement;
    expect(pickerBox.checked).toBe(true);
    expect(screen.getByTestId('void-pointer-s-raised').textContent).toContain('picked to void.');
    expect(screen.getByTestId('void-pointer-s-raised').textContent).not.toContain('not picked');
    const preview = await screen.findByTestId('preview');
    await waitFor(() => expect(within(preview).getByText('3.00 (1)', { selector: '[data-category="logo"] td' })).toBeTruthy());

    // Taken back in the picker: the timeline's one box follows, and nothing is left to preview.
    fireEvent.click(pickerBox);
    expect((screen.getByTestId('void-s-raised') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('void-pointer-s-raised').textContent).toContain('not picked to void.');
    await waitFor(() => expect(screen.queryByTestId('preview')).toBeNull());
  });

  it('shows when a suspension ends, from the platform’s clock', async () => {
    await openFlag();
    key('c');
    await screen.findByTestId('confirm-panel');
    fireEvent.click(screen.getByLabelText('Suspend the account'));
    expect(screen.getByTestId('suspend-end').textContent).toBe('ends 12:00 UTC, 16 Nov 2026');
    fireEvent.change(screen.getByLabelText('Days of suspension'), { target: { value: '30' } });
    await waitFor(() => expect(screen.getByTestId('suspend-end').textContent).toBe('ends 12:00 UTC, 2 Dec 2026'));
    await waitFor(() => expect(screen.getByTestId('preview-account').textContent).toBe('suspended until 12:00 UTC, 2 Dec'));
  });

  it('asks twice before a ban: in the form, then once more when sending', async () => {
    const { fake } = await openFlag();
    key('c');
    await screen.findByTestId('confirm-panel');
    fireEvent.click(screen.getByLabelText('Formal warning'));
    fireEvent.click(screen.getByLabelText('Ban the account'));
    const ask = await screen.findByTestId('ban-ask');
    fireEvent.click(within(ask).getByRole('button', { name: 'Yes, ban @ana_designs' }));
    expect(await screen.findByTestId('ban-armed')).toBeTruthy();
    // The core lets a ban go alone or with voided ratings only.
    expect((screen.getByLabelText('Formal warning') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Formal warning') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Cite the message of/));
    await fillGround();
    await waitFor(() => expect(screen.queryByTestId('confirm-problems')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /Confirm and next/ }));
    const second = await screen.findByRole('dialog', { name: 'Ban @ana_designs for good?' });
    fireEvent.click(within(second).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /Confirm and next/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ban and send' }));
    await waitFor(() => expect(fake.callsOf('decisions.decide')).toHaveLength(1));
    expect(fake.callsOf('decisions.decide')[0]).toMatchObject({ outcome: 'confirm', sanctions: [{ type: 'ban' }] });
  });

  it('keeps an edited letter, asks when its parts change under it, and will not send one without the explanation', async () => {
    await openFlag();
    key('c');
    await screen.findByTestId('confirm-panel');
    fireEvent.click(screen.getByLabelText('Formal warning'));
    fireEvent.click(screen.getByLabelText(/Cite the message of/));
    await fillGround();
    const letter = screen.getByTestId('letter') as HTMLTextAreaElement;
    await waitFor(() => expect(letter.value).toContain(EXPLANATION));
    fireEvent.change(letter, { target: { value: `Dear Ana,\n\n${EXPLANATION}\n\nYou may appeal.` } });
    expect(await screen.findByText('edited')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('confirm-problems')).toBeNull());

    fireEvent.click(screen.getByLabelText(/Cite the rating change of/));
    const stale = await screen.findByTestId('stale-edit');
    expect(letter.value).toBe(`Dear Ana,\n\n${EXPLANATION}\n\nYou may appeal.`);
    fireEvent.click(within(stale).getByRole('button', { name: 'Take the new letter' }));
    await waitFor(() => expect(letter.value).toContain('The facts we relied on'));

    fireEvent.change(letter, { target: { value: 'Dear Ana, you broke the rules.' } });
    expect(await screen.findByText(/no longer holds your explanation/)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Confirm and next/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets an auditor read the flag and decide nothing', async () => {
    const fake = trustConsole({ roles: ['auditor'] });
    renderConsole(`/queues/flags/${FLAG_ID}`, { fake });
    await screen.findByTestId('why');
    expect(screen.getByTestId('read-only')).toBeTruthy();
    expect(screen.queryByLabelText(/Cite the/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Dismiss|Confirm/ })).toBeNull();
    key('d');
    key('1');
    key('c');
    key('Enter');
    expect(screen.queryByTestId('confirm-panel')).toBeNull();
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    expect(fake.claims.has(FLAG_ID)).toBe(false);
  });
});
