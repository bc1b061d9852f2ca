/** Policy errors and warnings as annotations on the policy file's lines, in the action's log. */
import type { AnnotationProperties } from '@actions/core';
import type { Report } from '../evaluate/report.js';

/** The part of @actions/core that writes annotations. */
export interface Annotator {
  error(message: string, properties?: AnnotationProperties): void;
}

/** Each policy error as an error annotation on its file and line, so the run's page points at it. */
export function annotatePolicyErrors(annotator: Annotator, report: Report | null): void {
  if (report?.conclusion !== 'error') return;
  for (const error of report.errors) {
    const properties: AnnotationProperties = { title: 'checklist-gate: policy error' };
    if (error.file !== null) properties.file = error.file;
    if (error.line !== null) properties.startLine = error.line;
    if (error.column !== null) properties.startColumn = error.column;
    annotator.error(error.message, properties);
  }
}

/** Failing items named in the job's error annotation; the rest are counted. */
const NAMED_IN_ANNOTATION = 5;

/** The job's error line: the verdict, then the failing items, the first few by name. */
export function failureLine(checkName: string, description: string, missing: string[]): string {
  if (missing.length === 0) return `${checkName}: ${description}`;
  const named = missing.slice(0, NAMED_IN_ANNOTATION).join(', ');
  const more = missing.length - NAMED_IN_ANNOTATION;
  return `${checkName}: ${description}: ${named}${more > 0 ? ` and ${more} more` : ''}`;
}
