// What the reporting module's next layers (use cases, pages, API, exports) and other modules use from
// its domain. Everything here is pure: the figures come in as plain records, read by the use cases
// through the other modules' index.ts.

// The retention run (privacy) erases expired extracts' rows through this helper.
export { eraseResearchExtracts } from './db/research-extracts.ts';
export {
  type CellInput,
  type CellOutput,
  completeSuppression,
  DEFAULT_DISCLOSURE_RULES,
  DISCLOSURE_RULES_VERSION,
  type DisclosureRules,
  disclosureRulesSchema,
  type Line,
  type ProtectedList,
  type ProtectedTable,
  protectCells,
  protectList,
  protectTable,
  SUPPRESSION_REASONS,
  type SuppressionReason,
} from './domain/disclosure.ts';
export { DEFAULT_WINDOW_WEEKS, type Forecast, type ForecastInput, forecast } from './domain/forecast.ts';
export {
  type ApplicationFacts,
  type Conversion,
  conversions,
  FUNNEL_BASE,
  FUNNEL_STEPS,
  type FunnelCounts,
  type FunnelFilter,
  type FunnelStep,
  funnelCounts,
  type PrecheckFacts,
} from './domain/funnel.ts';
export {
  DEFAULT_MIN_PAIRS,
  type GainEstimate,
  type MeasureImpact,
  measuredImpact,
  type ScorePair,
  type ScoreSheet,
} from './domain/impact.ts';
export {
  BREAKDOWNS,
  type Breakdown,
  CONTROLS,
  type Control,
  INDICATORS,
  type Indicator,
  type IndicatorId,
  indicatorById,
  indicatorKeys,
  UNITS,
  type Unit,
} from './domain/indicators.ts';
export {
  QUARTER_KINDS,
  type Quarter,
  type QuarterKind,
  quarterBounds,
  quarterLabel,
  quarterOf,
  quarterOfDay,
  quarterSchema,
} from './domain/quarters.ts';
export { percentOneDecimal } from './domain/rounding.ts';
export { exportList } from './use-cases/export-list.ts';
export { listResearchExtracts } from './use-cases/list-research-extracts.ts';
