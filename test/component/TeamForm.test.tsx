// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TeamForm } from '../../client/pages/teams/TeamForm';
import { ArchiveTeam } from '../../client/pages/teams/ArchiveTeam';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const sent = (fetch: ReturnType<typeof answer>) => JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string).variables;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const click = (name: string | RegExp) => act(async () => {
  fireEvent.click(screen.getByRole('button', { name }));
});

describe('TeamForm', () => {
  it('creates a team with the fields typed, and hands back its slug', async () => {
    const fetch = answer({ data: { upsertTeams: [{ slug: 'payments', name: 'Payments', timezone: 'Europe/Berlin', members: 4, focusHoursPerDay: 5.5, archived: false }] } });
    const onSaved = vi.fn();
    render(<TeamForm canEdit onSaved={onSaved} />);
    fireEvent.change(field('Slug'), { target: { value: ' payments ' } });
    fireEvent.change(field('Name'), { target: { value: 'Payments' } });
    fireEvent.change(field('Time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.change(field('Members'), { target: { value: '4' } });
    fireEvent.change(field('Focus hours a day'), { target: { value: '5.5' } });
    await click('Create team');
    expect(sent(fetch)).toEqual({ input: [{ slug: 'payments', name: 'Payments', timezone: 'Europe/Berlin', members: 4, focusHoursPerDay: 5.5 }] });
    expect(onSaved).toHaveBeenCalledWith('payments');
  });

  it('shows each of the server’s record problems beside its field', async () => {
    answer({
      data: null,
      errors: [{
        message: '2 bad team records',
        extensions: { code: 'BAD_USER_INPUT', records: [
          { index: 0, field: 'slug', message: 'must be 1-64 characters of a-z, 0-9 and -' },
          { index: 0, field: 'timezone', message: 'must be an IANA time zone such as Europe/Berlin' },
        ] },
      }],
    });
    const onSaved = vi.fn();
    render(<TeamForm canEdit onSaved={onSaved} />);
    fireEvent.change(field('Slug'), { target: { value: 'Bad Slug' } });
    fireEvent.change(field('Time zone'), { target: { value: 'Mars/Base' } });
    await click('Create team');
    expect(screen.getByTestId('team-form-error-slug').textContent).toContain('must be 1-64 characters of a-z, 0-9 and -');
    expect(screen.getByTestId('team-form-error-timezone').textContent).toContain('must be an IANA time zone');
    expect(field('Slug').getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('refuses a members count that is not a number before sending; edits keep the slug fixed', async () => {
    const fetch = answer({});
    render(<TeamForm team={{ slug: 'core', name: 'Core', timezone: 'UTC', members: null, focusHoursPerDay: 6 }} canEdit onSaved={() => {}} />);
    expect(field('Slug').readOnly).toBe(true);
    fireEvent.change(field('Members'), { target: { value: 'four' } });
    await click('Save team');
    expect(screen.getByTestId('team-form-error-members').textContent).toContain('must be a whole number');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('ArchiveTeam', () => {
  it('asks first, and archives only on confirmation', async () => {
    const fetch = answer({ data: { archiveTeam: { slug: 'core', archived: true } } });
    render(<ArchiveTeam team={{ slug: 'core', name: 'Core' }} archived={false} canEdit />);
    await click('Archive team…');
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('Its figures, sprints and snapshots are kept');
    await click('Archive Core');
    expect(sent(fetch)).toEqual({ slug: 'core' });
  });
});
