export { STEER_MIGRATIONS } from './migrations/index.js'
export { STEER_RULES, steerDenial, type SteerAction } from './rules.js'
export {
  COMPONENT_KINDS,
  decodeProgramme,
  ENTITY_ROLES,
  EVIDENCE_KINDS,
  LINK_METHODS,
  MILESTONE_STATUSES,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type ProgrammeSpec,
} from './programme-spec.js'
export type {
  ComponentView,
  EntityView,
  MilestoneView,
  OutputLinkView,
  ProgrammeSummary,
  ProgrammeView,
  StatusChange,
} from './programme-view.js'
export type { BudgetYear, Evidence, SteerSchema } from './schema.js'
export { createSteer, type Steer, type SteerOptions } from './steer.js'
export { decodeKpi, SCOPE_KINDS, type KpiOptions, type KpiScope, type KpiSpec } from './kpi-spec.js'
export { AT_RISK_SHARE, kpiStatus, STATUS_RULE, type KpiStatus } from './kpi-status.js'
export { dataKey, evaluateKpi, scopeRow, type EvaluationMemo } from './kpi-evaluate.js'
export type { KpiActual, KpiSource, KpiView, RefreshSummary } from './kpis.js'
export { readTemplate, toTemplate } from './template.js'
export { DEMO_CONNECT_PROGRAMME, DEMO_PROGRAMMES, seedDemoProgrammes } from './demo.js'
export {
  ASSUMPTIONS,
  type AssumptionKey,
  type EvaluatedInstitution,
  type Evaluation,
  type EvaluationInput,
  type GroupFigures,
  type IndicatorEvaluation,
} from './evaluation.js'
export { did, type DidEstimate, type DidOptions } from './did.js'
export { MATCH_DISTANCE, matchComparison, type MatchedInstitution, type MatchProfile } from './matching.js'
export {
  detectProgrammeFormat,
  isCordisOrganisations,
  PROGRAMME_FORMATS,
  readProgrammeFile,
  type ProgrammeFormat,
} from './programme-formats.js'
export type { ProgrammeFile, ProgrammeRead } from './programme-file.js'
export { readStip, writeStip } from './stip.js'
export { readCordis } from './cordis.js'
export { CORDIS_LOSSES, writeCordis, type CordisExport, type CordisLoss } from './cordis-export.js'
export { readMeridianCsv, writeMeridianCsv } from './meridian-csv.js'
export { outputSelection, type OutputLinkRule } from './output-selection.js'
export { OUTPUTS_PAGE, type LinkedOutputs, type LinkedWork, type OutputLinkCount } from './output-links.js'
