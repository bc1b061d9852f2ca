/** Text for a Markdown table cell: pipes escaped, line breaks joined, `<` and `>` as entities. */
export function cell(text: unknown): string;
/** The Markdown tables of action.yml's inputs and outputs. */
export function actionTables(actionYaml: string): { inputs: string; outputs: string };
/** The README with its tables of inputs and outputs replaced by those generated from action.yml. */
export function withActionTables(readme: string, actionYaml: string): string;
