/** How the gate reports: under which name, as a status, a check run or both, and linking which run. */
export interface PublishSettings {
  checkName: string;
  reportAs: 'status' | 'check-run' | 'both';
  runUrl: string | null;
}
