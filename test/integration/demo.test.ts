import { describe, it, expect } from 'vitest';
import { startTestServer } from './harness';
import { pino } from 'pino';
import { seedDemo, DEMO_TEAMS } from '../../server/demo/seed';
import { DEMO_CHANNEL } from '../../server/demo/notifications';
import { evaluateNotifications } from '../../server/notifications/detection';

describe('demo data', () => {
  it('gives a living dashboard: varied load, sprints for most teams, events for medians and DORA', async () => {
    const s = await startTestServer('pglite');
    try {
      const now = new Date('2026-11-23T12:00:00Z');
      const seeded = await seedDemo(s.db, now);
      expect(seeded.teams).toBe(DEMO_TEAMS.length);
      const { data, errors } = await s.gql(`{ overview(range: { from: "2026-10-27", to: "2026-11-23" }) { team { slug } status kpis { pages opsHours medianTimeToResolveSeconds } } }`);
      expect(errors).toBeUndefined();
      const statuses = new Set(data.overview.map((o: any) => o.status));
      expect(statuses.has('OK')).toBe(true);
      expect(statuses.has('BREACH')).toBe(true);
      const bySlug = Object.fromEntries(data.overview.map((o: any) => [o.team.slug, o.kpis]));
      expect(bySlug.payments.opsHours).toBeGreaterThan(bySlug.search.opsHours * 3); // noisy vs quiet
      expect(bySlug.payments.medianTimeToResolveSeconds).toBeGreaterThan(0);
      const plan = await s.gql(`{ team(slug: "payments") { sprints(last: 12) { synthetic } plan { basedOn } } }`);
      expect(plan.data.team.sprints).toHaveLength(12);
      expect(plan.data.team.sprints.every((x: any) => !x.synthetic)).toBe(true);
      expect(plan.data.team.plan.basedOn).toHaveLength(3);
      // Who carries the pager: every demo page names someone, and the load falls unevenly.
      const pager = await s.gql(`{ team(slug: "payments") { responderFigures(range: { from: "2026-10-27", to: "2026-11-23" }) { pagesWithoutResponders people { person } evenness { people busiestShare gini } } } }`);
      const figures = pager.data.team.responderFigures;
      expect(figures.pagesWithoutResponders).toBe(0);
      expect(figures.evenness.people).toBe(5);
      expect(figures.people[0].person).toBe('Ana');
      expect(figures.evenness.busiestShare).toBeGreaterThan(0.3);
      expect(figures.evenness.gini).toBeGreaterThan(0.2);
      // Re-seeding replaces the demo figures rather than adding to them.
      await seedDemo(s.db, now);
      const again = await s.gql(`{ overview(range: { from: "2026-10-27", to: "2026-11-23" }) { kpis { opsHours } } }`);
      expect(again.data.overview.map((o: any) => o.kpis.opsHours)).toEqual(data.overview.map((o: any) => o.kpis.opsHours));
      // Group rows on the first screen: two departments, one with a nested group, one team in none; re-seeding keeps them.
      const groups = await s.gql(`{ overviewGroups(range: { from: "2026-10-27", to: "2026-11-23" }) { group { path } teams totals { opsHours } } orgTotal(range: { from: "2026-10-27", to: "2026-11-23" }) { teams opsHours } }`);
      expect(groups.data.overviewGroups.map((g: any) => [g.group.path, g.teams])).toEqual([
        ['Commerce', ['checkout', 'payments']],
        ['Infrastructure', ['data-pipeline', 'platform', 'search']],
        ['Infrastructure / Data', ['data-pipeline']],
      ]);
      const hours = (slugs: string[]) => Math.round(slugs.reduce((sum, slug) => sum + bySlug[slug].opsHours, 0) * 100) / 100;
      expect(groups.data.overviewGroups[0].totals.opsHours).toBe(hours(['checkout', 'payments']));
      expect(groups.data.orgTotal).toEqual({ teams: DEMO_TEAMS.length, opsHours: hours(DEMO_TEAMS.map((t) => t.slug)) });
      // Notifications set up as a team would (once, however often the demo is seeded), but disabled:
      // a demo never sends, even with Payments in breach and the weekly digest due.
      const channels = await s.gql(`{ notificationChannels { name kind enabled subscriptions { team events } } }`);
      expect(channels.data.notificationChannels).toEqual([
        {
          name: DEMO_CHANNEL, kind: 'SLACK', enabled: false,
          subscriptions: expect.arrayContaining([
            { team: 'payments', events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED'] },
            { team: null, events: ['WEEKLY_DIGEST'] },
          ]),
        },
      ]);
      expect(channels.data.notificationChannels[0].subscriptions).toHaveLength(2);
      expect((await evaluateNotifications(s.db, pino({ level: 'silent' }), now)).enqueued).toBe(0);
      expect((await s.gql(`{ notificationDeliveries { id } }`)).data.notificationDeliveries).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});
