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
