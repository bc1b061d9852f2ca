import type { AnnotationProperties } from '@actions/core';
import type { Report } from '../report/report.js';

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
