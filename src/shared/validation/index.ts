export { validateSegment } from "./validate";
export { validateExpression, type ExpressionCheck } from "./expression";
export {
  extractTemplateExpressions,
  findLegacyPlaceholders,
  parseTemplate,
  type LegacyPlaceholder,
  type ParsedTemplate,
  type TemplateExpression,
  type TemplatePart,
} from "./template";
export {
  PROBLEM_CODES,
  PROBLEM_SEVERITY,
  type Problem,
  type ProblemCode,
  type ProblemEdge,
  type Severity,
  type ValidationResult,
} from "./types";
