import { SeedRandom } from './seed-random.js';

/** One step of a seeded ticket's life after it was opened: an agent saving the form. */
export interface SeedUpdate {
  at: Date;
  agent: string;
  changes: Record<string, string>;
}

/** What one seeded ticket is: who raised it, how, when, and what agents did to it since. */
export interface SeedTicketPlan {
  subject: string;
  description: string;
  raisedBy: string;
  contact: string;
  customer: string | null;
  priority: string;
  ticketType: string;
  agentGroup: string | null;
  /** The customer opened it on the portal; otherwise an agent did, on their behalf. */
  viaPortal: boolean;
  openedBy: string;
  openedAt: Date;
  updates: SeedUpdate[];
}

export interface SeedSpread {
  seed: number;
  /** How many tickets the whole run seeds; ticket `index` is placed in time by it. */
  total: number;
  /** The newest ticket's time; the oldest is `SPAN_DAYS` before. */
  until: Date;
}

const SPAN_DAYS = 730;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const TOPICS = [
  'Invoice',
  'Login',
  'Password reset',
  'CSV export',
  'Dashboard',
  'API access',
  'Billing address',
  'Mobile app',
  'Email notifications',
  'Calendar sync',
  'Refund',
  'Single sign-on',
];
const PROBLEMS = [
  'not working',
  'is very slow',
  'shows an error',
  'question',
  'data missing',
  'charged twice',
  'cannot access',
  'feature request',
];
const DETAILS = [
  'It started this morning.',
  'Several people on our team see the same thing.',
  'We tried again after clearing the cache.',
  'This blocks our month-end close.',
  'Screenshot attached.',
  'Could you call us back?',
];
const FIRST_NAMES = ['ana', 'ben', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jo'];
const LAST_NAMES = ['park', 'silva', 'okafor', 'novak', 'larsen', 'haddad', 'kim', 'rossi'];
const BRANDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];
const TRADES = ['Labs', 'Group', 'Systems', 'Foods', 'Logistics', 'Health', 'Bank', 'Studios'];
const TRADES_MORE = [
  'Energy',
  'Retail',
  'Media',
  'Motors',
  'Travel',
  'Robotics',
  'Farms',
  'Pharma',
];
const COMPANIES = BRANDS.flatMap((brand) =>
  [...TRADES, ...TRADES_MORE].map((trade) => `${brand} ${trade}`),
);
const AGENTS = ['maya', 'omar', 'lena', 'raj', 'sofia', 'tom', 'yuki', 'zoe'].map(
  (name) => `${name}@helpdesk.example`,
);

/** About a thousand people raise tickets; a few of them raise many more than the rest. */
const RAISERS = 1000;

export const SEED_STATUSES = ['Open', 'Replied', 'Resolved', 'Closed'] as const;
export const SEED_TEAMS = ['Billing', 'Product Experts'] as const;

/** Ticket `index` of a seeded run: the same (seed, index) always gives the same ticket. */
export function planSeedTicket(spread: SeedSpread, index: number): SeedTicketPlan {
  const random = new SeedRandom(spread.seed, index);
  const raiser = Math.floor(RAISERS * random.next() ** 2);
  const person = `${FIRST_NAMES[raiser % 10]}.${LAST_NAMES[Math.floor(raiser / 10) % 8]}${raiser}`;
  // Colleagues come in fours; every tenth group writes from personal addresses, with no customer.
  const group = Math.floor(raiser / 4);
  const company = COMPANIES[group % COMPANIES.length] as string;
  const personal = group % 10 === 9;
  const domain = personal ? 'mail' : company.toLowerCase().replace(' ', '-');
  const raisedBy = `${person}@${domain}.example`;
  const topic = random.pick(TOPICS);
  const subject = `${topic}: ${random.pick(PROBLEMS)}`;
  const openedAt = openingTime(spread, index, random);
  const viaPortal = random.next() < 0.6;
  const agentGroup = random.weighted<string | null>([
    [SEED_TEAMS[0], 35],
    [SEED_TEAMS[1], 35],
    [null, 30],
  ]);
  return {
    subject,
    description: `<p>${subject}. ${random.pick(DETAILS)}</p>`,
    raisedBy,
    contact: raisedBy,
    customer: personal ? null : company,
    priority: random.weighted([
      ['Low', 30],
      ['Medium', 40],
      ['High', 20],
      ['Urgent', 10],
    ]),
    ticketType: random.weighted([
      ['Unspecified', 40],
      ['Question', 25],
      ['Bug', 20],
      ['Incident', 15],
    ]),
    agentGroup,
    viaPortal,
    openedBy: viaPortal ? raisedBy : random.pick(AGENTS),
    openedAt,
    updates: agentUpdates(spread, openedAt, agentGroup, random),
  };
}

/** Oldest first, so ticket names grow with creation time as they do in a live helpdesk. */
function openingTime(spread: SeedSpread, index: number, random: SeedRandom): Date {
  const span = SPAN_DAYS * DAY_MS;
  const offset = ((index + random.next()) / Math.max(spread.total, 1)) * span;
  return new Date(spread.until.getTime() - span + Math.floor(offset));
}

/**
 * Recent tickets are mostly still open; older ones mostly resolved or closed. An agent picking up
 * an unassigned ticket usually hands it to a team in the same save.
 */
function agentUpdates(
  spread: SeedSpread,
  openedAt: Date,
  agentGroup: string | null,
  random: SeedRandom,
): SeedUpdate[] {
  const recent = spread.until.getTime() - openedAt.getTime() < 30 * DAY_MS;
  const status = random.weighted<(typeof SEED_STATUSES)[number]>(
    recent
      ? [
          ['Open', 50],
          ['Replied', 30],
          ['Resolved', 15],
          ['Closed', 5],
        ]
      : [
          ['Open', 22],
          ['Replied', 10],
          ['Resolved', 28],
          ['Closed', 40],
        ],
  );
  if (status === 'Open') return [];
  const agent = random.pick(AGENTS);
  const answeredAt = later(spread, openedAt, 10 * 60_000 + random.next() * 72 * HOUR_MS, random);
  const changes: Record<string, string> = { status: status === 'Replied' ? 'Replied' : 'Resolved' };
  if (agentGroup === null && random.next() < 0.5) changes.agent_group = random.pick(SEED_TEAMS);
  const updates: SeedUpdate[] = [{ at: answeredAt, agent, changes }];
  if (status === 'Closed') {
    const closedAt = later(spread, answeredAt, DAY_MS + random.next() * 6 * DAY_MS, random);
    updates.push({ at: closedAt, agent, changes: { status: 'Closed' } });
  }
  return updates;
}

/**
 * `after + delay`; when that would pass the end of the spread, somewhere between `after` and the
 * end instead, so the newest tickets do not all share one `modified`.
 */
function later(spread: SeedSpread, after: Date, delay: number, random: SeedRandom): Date {
  const room = spread.until.getTime() - after.getTime();
  const wait = delay <= room ? delay : room * random.next();
  return new Date(after.getTime() + Math.floor(wait));
}
