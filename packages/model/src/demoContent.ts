// What the Atlas demo roadmap holds (see demo.ts for what it shows and how it is written):
// plain tables, keyed by short names that demo.ts resolves to the ids the write API gives.

import type {
  FeatureStatus,
  Health,
  ItemStatus,
  MilestoneStatus,
  ResourceKind,
  RiskStatus,
} from './schema.js'

/** Tiptap-shaped rich text: heading (level 2), paragraph, bullet list. */
export type RichBlock =
  readonly ['h', string] | readonly ['p', string] | readonly ['ul', readonly string[]]

export type LaneKey = 'platform' | 'onboarding' | 'insights' | 'integrations' | 'mobile'
export type GoalKey = 'growth' | 'hub' | 'enterprise'
export type PersonKey =
  'priya' | 'sam' | 'lena' | 'diego' | 'mei' | 'platformTeam' | 'budget' | 'tool'

export const LANES: readonly { key: LaneKey; name: string; color: string }[] = [
  { key: 'platform', name: 'Platform', color: '#6366f1' },
  { key: 'onboarding', name: 'Onboarding', color: '#10b981' },
  { key: 'insights', name: 'Insights', color: '#f59e0b' },
  { key: 'integrations', name: 'Integrations', color: '#0ea5e9' },
  { key: 'mobile', name: 'Mobile', color: '#ec4899' },
]

export const RESOURCES: readonly {
  key: PersonKey
  name: string
  kind: ResourceKind
  role: string
  capacity: number | null
}[] = [
  { key: 'priya', name: 'Priya Raman', kind: 'person', role: 'Product owner', capacity: 6 },
  { key: 'sam', name: 'Sam Okafor', kind: 'person', role: 'Backend engineer', capacity: 8 },
  { key: 'lena', name: 'Lena Fischer', kind: 'person', role: 'Frontend engineer', capacity: 8 },
  { key: 'diego', name: 'Diego Alvarez', kind: 'person', role: 'Mobile engineer', capacity: 8 },
  { key: 'mei', name: 'Mei Chen', kind: 'person', role: 'Data engineer', capacity: 8 },
  {
    key: 'platformTeam',
    name: 'Platform squad',
    kind: 'team',
    role: 'Infrastructure and SRE',
    capacity: 20,
  },
  {
    key: 'budget',
    name: 'Contractor budget',
    kind: 'budget',
    role: 'Design and QA contractors',
    capacity: null,
  },
  {
    key: 'tool',
    name: 'BrowserStack licence',
    kind: 'tool',
    role: 'Device testing',
    capacity: null,
  },
]

export const GOALS: readonly { key: GoalKey; title: string }[] = [
  { key: 'growth', title: 'Grow weekly active teams' },
  { key: 'hub', title: 'Become the analytics hub of the stack' },
  { key: 'enterprise', title: 'Be ready for enterprise customers' },
]

/** [name, unit, direction, baseline, target, share of the way reached today] */
export const INDICATORS: readonly {
  goal: GoalKey
  name: string
  unit: string
  direction: 'increase' | 'decrease'
  baseline: number
  target: number
  reached: number
}[] = [
  {
    goal: 'growth',
    name: 'Weekly active teams',
    unit: 'teams',
    direction: 'increase',
    baseline: 1200,
    target: 2000,
    reached: 0.45,
  },
  {
    goal: 'growth',
    name: 'Day-7 activation rate',
    unit: '%',
    direction: 'increase',
    baseline: 38,
    target: 55,
    reached: 0.2,
  },
  {
    goal: 'hub',
    name: 'Integrations per active team',
    unit: 'integrations',
    direction: 'increase',
    baseline: 1.4,
    target: 2.5,
    reached: 0.4,
  },
  {
    goal: 'hub',
    name: 'Reports built self-serve',
    unit: '%',
    direction: 'increase',
    baseline: 45,
    target: 70,
    reached: 0.6,
  },
  {
    goal: 'enterprise',
    name: 'Enterprise ARR',
    unit: 'k$',
    direction: 'increase',
    baseline: 850,
    target: 1600,
    reached: 0.5,
  },
  {
    goal: 'enterprise',
    name: 'P95 dashboard load time',
    unit: 'ms',
    direction: 'decrease',
    baseline: 1800,
    target: 600,
    reached: 0.15,
  },
]

export type DemoItem = readonly [
  title: string,
  status: ItemStatus,
  assignee: PersonKey | null,
  estimate: number | null,
]

export interface DemoFeature {
  key: string
  lane: LaneKey
  title: string
  /** First week, counted from the Monday of today's week. */
  week: number
  weeks: number
  status: FeatureStatus
  health?: Health
  goals: GoalKey[]
  dependsOn?: string[]
  resources?: PersonKey[]
  estimate?: number
  /** reach (teams per quarter), impact (0.25–3), confidence (%), effort (person-months) */
  rice?: readonly [number, number, number, number]
  description: string
  items?: readonly DemoItem[]
}

export const FEATURES: readonly DemoFeature[] = [
  // Platform
  {
    key: 'ingestion',
    lane: 'platform',
    title: 'Event ingestion v2',
    week: -12,
    weeks: 4,
    status: 'done',
    goals: ['enterprise'],
    rice: [900, 2, 80, 3],
    description:
      'A new ingestion pipeline on a partitioned log: ten times the event throughput, exactly-once delivery, and back-pressure instead of dropped events at peak.',
    items: [
      ['Partitioned ingest log', 'done', 'sam', 5],
      ['Exactly-once dedup store', 'done', 'mei', 5],
      ['Load test at 50k events/s', 'done', 'sam', 3],
    ],
  },
  {
    key: 'residency',
    lane: 'platform',
    title: 'Multi-region data residency',
    week: -8,
    weeks: 6,
    status: 'done',
    goals: ['enterprise'],
    resources: ['platformTeam'],
    rice: [300, 3, 80, 4],
    description:
      'Workspaces choose where their data lives (EU or US) at creation; all storage and processing stays in that region.',
    items: [
      ['Region-aware storage routing', 'done', 'sam', 5],
      ['EU cluster provisioning', 'done', 'platformTeam', 8],
    ],
  },
  {
    key: 'billing',
    lane: 'platform',
    title: 'Usage-based billing',
    week: 1,
    weeks: 2,
    status: 'planned',
    goals: ['enterprise'],
    dependsOn: ['ingestion'],
    rice: [1200, 2, 80, 2],
    description:
      'Bill by tracked events instead of seats, with a live usage meter in settings and alerts before a plan limit is reached.',
    items: [
      ['Metering service', 'todo', 'sam', 6],
      ['Stripe usage records', 'todo', 'sam', 4],
    ],
  },
  {
    key: 'sso',
    lane: 'platform',
    title: 'SSO / SAML',
    week: 2,
    weeks: 2,
    status: 'planned',
    goals: ['enterprise'],
    rice: [250, 3, 100, 1],
    description:
      'SAML 2.0 single sign-on with Okta, Azure AD and Google Workspace, and just-in-time provisioning of members.',
    items: [['SAML assertion handling and JIT provisioning', 'todo', 'sam', 8]],
  },
  {
    key: 'cache',
    lane: 'platform',
    title: 'Query engine caching',
    week: -3,
    weeks: 6,
    status: 'in-progress',
    health: 'at-risk',
    goals: ['growth', 'enterprise'],
    rice: [2000, 1, 50, 2],
    description:
      'A result cache keyed by query fingerprint and data freshness, to bring dashboard load times under a second.',
    items: [
      ['Query fingerprinting', 'done', 'mei', 6],
      ['Invalidation on ingest', 'in-progress', 'mei', 6],
    ],
  },
  {
    key: 'audit',
    lane: 'platform',
    title: 'Audit log',
    week: 6,
    weeks: 3,
    status: 'planned',
    goals: ['enterprise'],
    resources: ['platformTeam'],
    estimate: 9,
    rice: [250, 2, 80, 1],
    description:
      'Every administrative change recorded with actor, time and before/after values; exportable for compliance reviews.',
  },
  {
    key: 'selfhosted',
    lane: 'platform',
    title: 'Self-hosted edition',
    week: 8,
    weeks: 10,
    status: 'cancelled',
    goals: ['enterprise'],
    rice: [40, 2, 50, 9],
    description:
      'Dropped: multi-region residency answers the data-location demand at a fraction of the cost.',
  },
  // Onboarding
  {
    key: 'wizard',
    lane: 'onboarding',
    title: 'Guided setup wizard',
    week: -11,
    weeks: 4,
    status: 'done',
    goals: ['growth'],
    rice: [3000, 2, 80, 2],
    description:
      'A three-step setup that connects a first data source and builds a starter dashboard in under five minutes.',
    items: [
      ['Source connection step', 'done', 'lena', 5],
      ['Starter dashboard templates', 'done', 'lena', 3],
    ],
  },
  {
    key: 'sample',
    lane: 'onboarding',
    title: 'Sample workspace',
    week: -7,
    weeks: 3,
    status: 'done',
    goals: ['growth'],
    rice: [2500, 1, 80, 1],
    description:
      'A workspace full of realistic sample data, so a new team can explore before connecting its own.',
    items: [['Sample data generator', 'done', 'lena', 3]],
  },
  {
    key: 'invites',
    lane: 'onboarding',
    title: 'Team invitations revamp',
    week: -2,
    weeks: 4,
    status: 'in-progress',
    goals: ['growth'],
    rice: [2800, 2, 80, 1],
    description:
      'Invite teammates by link or domain, with suggested invitees from the connected tools.',
    items: [
      ['Invite by link', 'done', 'lena', 3],
      ['Domain auto-join', 'in-review', 'lena', 5],
      ['Suggested invitees', 'todo', 'lena', 3],
    ],
  },
  {
    key: 'checklist',
    lane: 'onboarding',
    title: 'In-app checklist',
    week: 3,
    weeks: 3,
    status: 'planned',
    goals: ['growth'],
    dependsOn: ['invites'],
    rice: [3000, 1, 80, 1],
    description:
      'A checklist of the five actions that predict retention, with progress shown to the whole team.',
    items: [
      ['Checklist engine', 'todo', 'lena', 4],
      ['Checklist UI', 'todo', 'lena', 2],
    ],
  },
  {
    key: 'emails',
    lane: 'onboarding',
    title: 'Onboarding emails',
    week: -6,
    weeks: 3,
    status: 'in-progress',
    health: 'off-track',
    goals: ['growth'],
    resources: ['budget'],
    rice: [3000, 0.5, 50, 1],
    description:
      'A lifecycle email sequence for the first two weeks, triggered by what a team has and has not done yet.',
    items: [
      ['Email templates', 'done', 'lena', 2],
      ['Behavioural triggers', 'in-progress', 'lena', 3],
    ],
  },
  {
    key: 'activation',
    lane: 'onboarding',
    title: 'Activation analytics',
    week: 8,
    weeks: 4,
    status: 'planned',
    goals: ['growth'],
    description:
      'Our own funnel from sign-up to the first shared dashboard, to find where new teams stall. Not estimated yet.',
  },
  // Insights
  {
    key: 'dash2',
    lane: 'insights',
    title: 'Dashboards 2.0',
    week: -9,
    weeks: 5,
    status: 'done',
    goals: ['growth', 'hub'],
    rice: [4000, 2, 80, 3],
    description:
      'A faster dashboard canvas: free layout, cross-filtering between charts and full-screen presentation mode.',
    items: [
      ['Free-layout canvas', 'done', 'lena', 5],
      ['Cross-filtering', 'done', 'mei', 5],
    ],
  },
  {
    key: 'metrics',
    lane: 'insights',
    title: 'Custom metrics builder',
    week: -1,
    weeks: 5,
    status: 'in-progress',
    health: 'at-risk',
    goals: ['hub'],
    rice: [2200, 2, 80, 2],
    description:
      'Define a metric once (formula, filters, grain) and reuse it in every chart and report.',
    items: [
      ['Metric definition model', 'done', 'mei', 5],
      ['Formula parser', 'in-progress', 'mei', 5],
      ['Builder UI', 'todo', 'lena', 3],
      ['Metric catalogue', 'todo', 'mei', 2],
    ],
  },
  {
    key: 'cohort',
    lane: 'insights',
    title: 'Cohort retention report',
    week: 2,
    weeks: 3,
    status: 'planned',
    health: 'at-risk',
    goals: ['hub'],
    dependsOn: ['metrics'],
    rice: [1800, 2, 80, 1],
    description:
      'Retention by sign-up cohort on any custom metric. Depends on the metrics builder, which now ends after this starts.',
    items: [
      ['Cohort query', 'todo', 'mei', 3],
      ['Retention heat map', 'todo', 'lena', 3],
    ],
  },
  {
    key: 'alerts',
    lane: 'insights',
    title: 'Anomaly alerts',
    week: 4,
    weeks: 4,
    status: 'planned',
    goals: ['hub'],
    dependsOn: ['metrics'],
    rice: [1500, 1, 50, 2],
    description: 'Alerts in Slack or email when a metric leaves its usual range.',
    items: [
      ['Alert rules model', 'todo', 'mei', 3],
      ['Threshold tuning research', 'todo', null, null],
    ],
  },
  {
    key: 'pdf',
    lane: 'insights',
    title: 'Scheduled PDF reports',
    week: 10,
    weeks: 4,
    status: 'planned',
    goals: ['hub'],
    resources: ['lena'],
    estimate: 8,
    rice: [1200, 1, 80, 1],
    description: 'Any dashboard delivered as a PDF on a schedule, to people without an Atlas seat.',
  },
  {
    key: 'nlq',
    lane: 'insights',
    title: 'Natural-language query (beta)',
    week: 14,
    weeks: 6,
    status: 'planned',
    goals: ['growth', 'hub'],
    rice: [3500, 3, 50, 6],
    description:
      'Ask a question in plain words and get a chart, with the generated query shown for review.',
  },
  // Integrations
  {
    key: 'slack',
    lane: 'integrations',
    title: 'Slack integration',
    week: -12,
    weeks: 3,
    status: 'done',
    goals: ['hub'],
    rice: [3500, 1, 100, 1],
    description: 'Share charts to Slack channels and unfurl Atlas links.',
    items: [['Link unfurling', 'done', 'sam', 3]],
  },
  {
    key: 'salesforce',
    lane: 'integrations',
    title: 'Salesforce connector',
    week: -5,
    weeks: 7,
    status: 'in-progress',
    goals: ['hub', 'enterprise'],
    rice: [600, 3, 80, 3],
    description:
      'Import accounts, opportunities and custom objects from Salesforce, synced every fifteen minutes.',
    items: [
      ['OAuth and object discovery', 'done', 'sam', 5],
      ['Incremental sync', 'in-progress', 'sam', 3],
    ],
  },
  {
    key: 'jira',
    lane: 'integrations',
    title: 'Jira sync',
    week: 5,
    weeks: 4,
    status: 'planned',
    goals: ['hub'],
    rice: [1400, 1, 80, 1],
    description: 'Issues, sprints and cycle times from Jira Cloud, ready for delivery dashboards.',
    items: [
      ['Jira Cloud OAuth', 'todo', 'sam', 3],
      ['Sprint and issue sync', 'todo', 'sam', 3],
    ],
  },
  {
    key: 'api',
    lane: 'integrations',
    title: 'Public REST API v1',
    week: -4,
    weeks: 8,
    status: 'in-progress',
    health: 'off-track',
    goals: ['hub', 'enterprise'],
    rice: [800, 2, 80, 3],
    description:
      'A documented, versioned REST API for metrics, dashboards and workspace administration.',
    items: [
      ['API keys and scopes', 'done', 'sam', 4],
      ['Metrics endpoints', 'in-progress', 'sam', 4],
      ['Rate limiting', 'todo', 'sam', 4],
      ['OpenAPI reference', 'todo', 'mei', 4],
    ],
  },
  {
    key: 'webhooks',
    lane: 'integrations',
    title: 'Webhooks',
    week: 9,
    weeks: 3,
    status: 'planned',
    goals: ['hub'],
    dependsOn: ['api'],
    resources: ['platformTeam'],
    estimate: 6,
    rice: [700, 1, 80, 1],
    description: 'Signed webhooks on metric thresholds and workspace events.',
  },
  {
    key: 'zapier',
    lane: 'integrations',
    title: 'Zapier app',
    week: 6,
    weeks: 3,
    status: 'cancelled',
    goals: ['hub'],
    rice: [900, 0.5, 50, 1],
    description: 'Dropped in favour of webhooks, which cover the same automations.',
  },
  // Mobile
  {
    key: 'ios',
    lane: 'mobile',
    title: 'iOS app beta',
    week: -10,
    weeks: 8,
    status: 'done',
    goals: ['growth'],
    resources: ['tool'],
    rice: [1500, 2, 80, 4],
    description: 'Dashboards and alerts on iPhone, in TestFlight beta with fifty design partners.',
    items: [
      ['Dashboard viewer', 'done', 'diego', 5],
      ['Push alerts', 'done', 'diego', 5],
      ['TestFlight rollout', 'done', 'diego', 3],
    ],
  },
  {
    key: 'android',
    lane: 'mobile',
    title: 'Android app beta',
    week: -2,
    weeks: 8,
    status: 'in-progress',
    health: 'at-risk',
    goals: ['growth'],
    resources: ['tool'],
    rice: [1800, 2, 80, 4],
    description: 'The iOS beta’s feature set on Android 10 and later.',
    items: [
      ['Dashboard viewer', 'done', 'diego', 5],
      ['Charts on low-end devices', 'in-progress', 'diego', 5],
      ['Push alerts', 'todo', 'diego', 5],
      ['Play Store beta track', 'todo', 'diego', 3],
    ],
  },
  {
    key: 'push',
    lane: 'mobile',
    title: 'Push notification preferences',
    week: 6,
    weeks: 3,
    status: 'planned',
    goals: ['growth'],
    rice: [2000, 0.5, 80, 1],
    description: 'Per-metric, per-channel notification settings shared between mobile and email.',
    items: [
      ['Preference centre', 'todo', 'diego', 3],
      ['Preferences API', 'todo', 'sam', 2],
    ],
  },
  {
    key: 'offline',
    lane: 'mobile',
    title: 'Offline mode',
    week: 12,
    weeks: 6,
    status: 'planned',
    goals: ['growth'],
    dependsOn: ['android'],
    rice: [900, 1, 50, 3],
    description: 'The last viewed dashboards stay readable without a connection.',
  },
  {
    key: 'widgets',
    lane: 'mobile',
    title: 'Home-screen widgets',
    week: 16,
    weeks: 4,
    status: 'planned',
    goals: ['growth'],
    rice: [1600, 1, 80, 2],
    description: 'A metric on the home screen, refreshed in the background.',
  },
]

export const MILESTONES: readonly {
  title: string
  day: number
  lane: LaneKey | null
  status: MilestoneStatus
}[] = [
  { title: 'Mobile public beta', day: -3 * 7 + 4, lane: 'mobile', status: 'reached' },
  { title: 'Onboarding revamp complete', day: -2 * 7 + 4, lane: 'onboarding', status: 'upcoming' },
  {
    title: 'Insights 2.0 general availability',
    day: 4 * 7 + 3,
    lane: 'insights',
    status: 'upcoming',
  },
  { title: 'Android general availability', day: 6 * 7 + 1, lane: 'mobile', status: 'upcoming' },
  { title: 'SOC 2 Type I audit', day: 7 * 7 + 2, lane: 'platform', status: 'upcoming' },
  { title: 'Partner summit', day: 12 * 7, lane: null, status: 'upcoming' },
]

export const RISKS: readonly {
  title: string
  likelihood: number
  impact: number
  status: RiskStatus
  owner: PersonKey
  features: string[]
  mitigation: string
}[] = [
  {
    title: 'Query cache serves stale results',
    likelihood: 4,
    impact: 4,
    status: 'open',
    owner: 'mei',
    features: ['cache'],
    mitigation:
      'Invalidate on ingest watermark; shadow-compare cached and fresh results for a week.',
  },
  {
    title: 'Backend engineer overbooked in the billing crunch',
    likelihood: 4,
    impact: 3,
    status: 'open',
    owner: 'priya',
    features: ['billing', 'sso'],
    mitigation: 'Move SSO one week, or borrow a platform squad engineer.',
  },
  {
    title: 'Android charts too slow on low-end devices',
    likelihood: 3,
    impact: 4,
    status: 'open',
    owner: 'diego',
    features: ['android'],
    mitigation: 'Downsample series on device; test on the BrowserStack low-end matrix.',
  },
  {
    title: 'Custom metrics scope creep',
    likelihood: 4,
    impact: 3,
    status: 'mitigating',
    owner: 'priya',
    features: ['metrics'],
    mitigation: 'Formula functions frozen for v1; the rest goes to the backlog.',
  },
  {
    title: 'Salesforce API rate limits',
    likelihood: 3,
    impact: 3,
    status: 'mitigating',
    owner: 'sam',
    features: ['salesforce'],
    mitigation: 'Bulk API for the first sync, incremental polling after.',
  },
  {
    title: 'Auditor availability for SOC 2',
    likelihood: 2,
    impact: 4,
    status: 'open',
    owner: 'priya',
    features: ['audit'],
    mitigation: 'Auditor booked; evidence collection starts six weeks ahead.',
  },
  {
    title: 'Onboarding emails land in spam',
    likelihood: 3,
    impact: 2,
    status: 'open',
    owner: 'lena',
    features: ['emails'],
    mitigation: 'Dedicated sending domain with DKIM and a warm-up plan.',
  },
  {
    title: 'Charting library licence change',
    likelihood: 1,
    impact: 3,
    status: 'open',
    owner: 'lena',
    features: [],
    mitigation: 'Keep the chart layer behind our own interface.',
  },
  {
    title: 'EU residency legal review',
    likelihood: 2,
    impact: 5,
    status: 'closed',
    owner: 'priya',
    features: ['residency'],
    mitigation: 'Signed off by counsel.',
  },
]

export const STRATEGY: readonly RichBlock[] = [
  ['h', 'Vision'],
  ['p', 'Every team understands how its work moves the business, without waiting for an analyst.'],
  ['h', 'Strategy for the next three quarters'],
  [
    'ul',
    [
      'Time to first insight under ten minutes: guided setup, sample data, in-app checklist.',
      'Be the hub of the stack: connectors and an API, so Atlas is where metrics meet.',
      'Enterprise-ready: SSO, audit log, data residency and predictable usage-based pricing.',
    ],
  ],
  [
    'p',
    'Not now: a self-hosted edition and a general automation platform. Multi-region hosting and webhooks cover those needs at a fraction of the cost.',
  ],
]
