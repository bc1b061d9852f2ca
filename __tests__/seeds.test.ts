import { readFileSync, readdirSync } from 'node:fs';
import { parseChecklist } from '../src/checklist/parse.js';
import { githubCheckboxes } from './helpers/github-render.js';
import { SEEDS, describeWithSeeds } from './helpers/seeds.js';

/** Boxes per seed, counted from cmark-gfm's rendered HTML (960 in all). */
const EXPECTED: Record<string, number> = {
  '000_6dd8eed9615fca83.txt': 227,
  '001_8905693e209af34b.txt': 177,
  '002_c34c65e9100fc2e9.txt': 151,
  '003_45ad472ede7e1ccb.txt': 279,
  '004_6862397d6f787198.txt': 126,
};

describeWithSeeds('the five seed checklists parse to exactly the boxes GitHub draws', () => {
  const files = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort();

  it('finds all five seeds', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const markdown = readFileSync(new URL(file, SEEDS), 'utf8');
    const rendered = githubCheckboxes(markdown);
    const items = parseChecklist(markdown).items;
    expect(rendered).toHaveLength(EXPECTED[file] ?? -1);
    expect(items.map((item) => item.checked)).toEqual(rendered);
  });

  it('reads text, nesting and sections from seed 000', () => {
    const markdown = readFileSync(new URL('000_6dd8eed9615fca83.txt', SEEDS), 'utf8');
    const items = parseChecklist(markdown).items;
    const first = items[0];
    expect(first).toMatchObject({
      text: 'Production Environment Provisioned',
      depth: 0,
      parent: null,
      line: 6,
      section: 'Environment Setup',
    });
    expect(first?.headings).toEqual([
      'Digital Lending Accelerator - Production Deployment Checklist',
      'Pre-Deployment Checklist',
      'Environment Setup',
    ]);
    expect(items[1]).toMatchObject({
      text: 'Application servers configured (2+ CPU cores, 4GB+ RAM)',
      depth: 1,
      parent: 0,
      line: 7,
    });
    const flask = items.find((item) => item.text === 'FLASK_ENV=production');
    expect(flask).toMatchObject({ depth: 1, section: 'Code and Configuration' });
  });

  it('keeps the ordered rollback steps of seed 002 around their fenced commands', () => {
    const markdown = readFileSync(new URL('002_c34c65e9100fc2e9.txt', SEEDS), 'utf8');
    const steps = parseChecklist(markdown).items.filter((item) => item.section === 'Rollback Procedure');
    expect(steps.map((item) => item.text)).toEqual([
      'Stop accepting new traffic',
      'Notify stakeholders',
      'Revert to previous version:',
      'Verify rollback successful',
      'Resume normal operations',
      'Investigate and document issue',
      'Plan fix and re-deployment',
    ]);
  });
});
