export {
  SCHEMA_VERSION,
  ROOT,
  ENTITY_KINDS,
  FEATURE_STATUS,
  HEALTH,
  ITEM_STATUS,
  MILESTONE_STATUS,
  GOAL_STATUS,
  RISK_STATUS,
  RESOURCE_KIND,
  DIRECTION,
} from './schema.js'
export type {
  EntityKind,
  FeatureStatus,
  Health,
  ItemStatus,
  MilestoneStatus,
  GoalStatus,
  RiskStatus,
  ResourceKind,
  Direction,
  LaneId,
  FeatureId,
  MilestoneId,
  GoalId,
  IndicatorId,
  RiskId,
  ResourceId,
  ItemId,
  IsoDate,
  RoadmapMeta,
  Lane,
  Feature,
  Milestone,
  Goal,
  IndicatorPoint,
  Indicator,
  Risk,
  Resource,
  Item,
  EntityByKind,
  RoadmapData,
} from './schema.js'
export {
  parseIsoDate,
  isIsoDate,
  formatIsoDate,
  addDays,
  diffDays,
  compareIsoDates,
  DATE_RANGE,
  MAX_FEATURE_DAYS,
  isPlanDate,
  planDateProblem,
  featureWindowProblem,
} from './dates.js'
export {
  formatDay,
  formatDayLong,
  formatDayRange,
  dayOfTimestamp,
  formatTimestampDay,
  formatTimestamp,
  NO_DAY,
} from './dateDisplay.js'
export { readRoadmap, readMeta, readCollection } from './read.js'
export { compareByRank, COMPARE, RANKED_KINDS } from './order.js'
export type { RankedKind } from './order.js'
export { problems } from './problems.js'
export type { Problem } from './problems.js'
export { Roadmap } from './roadmap.js'
export type { RoadmapOptions } from './roadmap.js'
export type { Origin } from './context.js'
export { EntityCollection } from './entity-collection.js'
export type { IdOf } from './entity-collection.js'
export { RankedCollection } from './ranked-collection.js'
export type { Placement } from './ranked-collection.js'
export { LaneCollection } from './lanes.js'
export { FeatureCollection } from './features.js'
export type { FeatureMove } from './features.js'
export { GoalCollection } from './goals.js'
export { ItemCollection } from './items.js'
export type { Acceptance } from './items.js'
export { IndicatorCollection } from './indicators.js'
export type {
  LaneInput,
  LanePatch,
  FeatureInput,
  FeaturePatch,
  MilestoneInput,
  MilestonePatch,
  GoalInput,
  GoalPatch,
  IndicatorInput,
  IndicatorPatch,
  RiskInput,
  RiskPatch,
  ResourceInput,
  ResourcePatch,
  ItemInput,
  ItemPatch,
  MetaInput,
  MetaPatch,
} from './inputs.js'
export { exportRoadmap, KNOWN_FIELDS } from './export.js'
export type { RoadmapJson, EntityJson, FeatureJson, GoalJson } from './export.js'
export { importRoadmap, MAX_IMPORT_DEPTH } from './import.js'
export { ORIGIN } from './origins.js'
export type { KnownOrigin } from './origins.js'
export type { ImportResult, ImportError, ImportOptions } from './import.js'
export { EXPORT_FORMAT, EXPORT_VERSION, roadmapJsonSchema } from './json-schema.js'
export {
  encodeRichText,
  fillRichText,
  flattenRichText,
  isRichTextTooDeep,
  MAX_RICH_DEPTH,
} from './yjs-json.js'
export type { JsonValue, RichNode, RichElement, RichTextNode, DeltaOp } from './yjs-json.js'
export { deriveBacklog, progressOf, riceOf, featureWeeks } from './backlog.js'
export type {
  Backlog,
  BacklogEntry,
  BacklogItem,
  BacklogFlags,
  BacklogRisk,
  DanglingRef,
  Rice,
} from './backlog.js'
export {
  STATUS_HINT,
  STATUS_HINT_LABEL,
  PROGRESS_RULE,
  statusHintOf,
  countStatusHints,
} from './featureStatus.js'
export type { StatusHint } from './featureStatus.js'
export { checkSchedule } from './schedule.js'
export type { ScheduleCheck, ScheduleConflict, LateFeature, Overload } from './schedule.js'
export { MAX_CYCLES } from './dependencyCycles.js'
export type { WeekLoad, ResourceLoad } from './load.js'
export { deriveReport, featureWeight, UPCOMING_MILESTONE_DAYS } from './report.js'
export type {
  ProgressReport,
  ReportSummary,
  GoalProgress,
  LaneProgress,
  ReportRisk,
  ReportMilestone,
} from './report.js'
export {
  horizonOf,
  indicatorProgress,
  progressBetween,
  ON_TRACK_TOLERANCE,
  INDICATOR_VERDICT,
} from './indicatorProgress.js'
export type { IndicatorProgress, IndicatorVerdict, ReportHorizon } from './indicatorProgress.js'
export { milestoneState, MILESTONE_STATE } from './milestoneState.js'
export type { MilestoneState } from './milestoneState.js'
export {
  RISK_SEVERITY,
  RISK_SEVERITY_MIN_SCORE,
  riskScore,
  riskSeverity,
  weekStart,
  workingDaysByWeek,
  windowOf,
  orderFeatures,
} from './deriveCommon.js'
export type { RoadmapSource, RiskSeverity, DateWindow } from './deriveCommon.js'
export { backlogToCsv, backlogToMarkdown, BACKLOG_CSV_COLUMNS } from './backlogFormat.js'
export { backlogItemsToCsv, backlogFileName, BACKLOG_ITEM_CSV_COLUMNS } from './backlogItemsCsv.js'
export { demoRoadmap, DEMO_TITLE, DEMO_PRODUCT_OWNER } from './demo.js'
export type { DemoOptions } from './demo.js'
export { largeRoadmap } from './large.js'
export type { LargeOptions, LargeSummary } from './large.js'
export { createPrng } from './prng.js'
export type { Prng } from './prng.js'
export {
  COMMENTABLE_KINDS,
  THREAD_FIELD,
  COMMENT_FIELD,
  EDITABLE_COMMENT_FIELDS,
  COMMENT_LIMITS,
} from './comment-schema.js'
export type {
  CommentableKind,
  CommentField,
  ThreadId,
  CommentId,
  CommentAuthor,
  Mention,
  Resolution,
  Comment,
  Thread,
  CommentsData,
} from './comment-schema.js'
export { Comments } from './comments.js'
export type { CommentsOptions, CommentInput } from './comments.js'
export { readComments } from './read-comments.js'
export {
  entityKey,
  openCommentCounts,
  openCommentCount,
  threadsOf,
  activityFeed,
  mentionsOf,
  mayResolve,
  mayEdit,
} from './comment-derivations.js'
export type { ActivityEntry } from './comment-derivations.js'
export {
  mentionPeople,
  mentionQuery,
  matchPeople,
  insertMention,
  parseMentions,
  mentions,
} from './mentions.js'
export { checkCommenterUpdate } from './commenter-check.js'
export { commenterVoter, commenterVoterKey } from './commenter-ballot.js'
export type { CommenterCheck } from './commenter-check.js'
export { REFUSAL, COMMENTER_REFUSALS } from './commenter-refusal.js'
export type { Refusal, CommenterRefusal } from './commenter-refusal.js'
export { compareRoadmaps, scopeEstimate } from './compare.js'
export type { CompareDates } from './compare.js'
export { CHANGE_GROUP, CHANGE_GROUPS, CHANGE_TYPE } from './compareTypes.js'
export type {
  Change,
  ChangeGroup,
  ChangeType,
  ChangeValue,
  CompareSummary,
  FeatureDiff,
  FeaturePlacement,
  MilestoneDiff,
  RoadmapComparison,
} from './compareTypes.js'
export { comparisonToMarkdown, changeLine } from './compareMarkdown.js'
export {
  SLIP_LEDGER_CAP,
  SLIP_KIND,
  readSlipLedger,
  slipHistories,
  mostSlipped,
} from './slipLedger.js'
export type { SlipKind, SlipEntry, SlipHistory, DateSpan } from './slipLedger.js'
export { MilestoneCollection } from './milestones.js'
export { appendEntities } from './bulk.js'
export type {
  BulkRef,
  BulkLane,
  BulkResource,
  BulkFeature,
  BulkItem,
  BulkInput,
  BulkResult,
} from './bulk.js'
export { TOPIC_KIND, VOTE_MODE, VOTE_TARGET, SESSION_LIMITS } from './sessionSchema.js'
export type {
  SessionId,
  TopicId,
  VoteId,
  TopicKind,
  VoteMode,
  VoteTarget,
  Person,
  Topic,
  Ballot,
  Vote,
  Decision,
  ActionItem,
  StoredRecap,
  PlanningSession,
} from './sessionSchema.js'
export { Sessions } from './sessions.js'
export type { TopicInput, VoteInput, NoteInput, CastResult } from './sessions.js'
export { readSessions, readSession, activeSession, latestPublished } from './readSessions.js'
export { BALLOT_PROBLEM, ballotProblem } from './sessionBallot.js'
export type { BallotProblem, BallotRule } from './sessionBallot.js'
export { rankVote, tallyVote, dotsLeft } from './voteTally.js'
export type { Tally, TallyRow } from './voteTally.js'
export { RICE_VOTE_FIELD, riceFromScore, riceFromVote, appliesToRice } from './voteToRice.js'
export type { RiceVoteField } from './voteToRice.js'
export { buildRecap, recapToMarkdown, subjectTitle } from './sessionRecap.js'
export { attendeesFromPresence, attendeeNames, seenKey } from './sessionAttendance.js'
export type { SessionRecap, RecapNote, RecapAction, RecapVote } from './sessionRecap.js'
export { BASELINE_KEY, baselineOf } from './baseline.js'
