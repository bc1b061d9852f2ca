import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, parseAllDocuments } from 'yaml';
import { GATED_ACTIONS } from '../src/server/delivery-targets.js';
import { WEBHOOK_PATH } from '../src/server/http-server.js';

// The files an organisation deploys the server with, held to GitHub's published descriptions and
// to the server itself: the App manifest (app.yml) asks only for permissions GitHub knows and
// subscribes to exactly the events the server evaluates; the Kubernetes example probes the
// server's health path on the image's port and sets only variables the server reads.

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const require = createRequire(import.meta.url);
const api = require('@octokit/openapi/generated/api.github.com.json') as {
  components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
};
const webhooks = require('@octokit/openapi-webhooks/generated/api.github.com.json') as {
  webhooks: Record<
    string,
    { post: { 'x-github': { subcategory: string; 'supported-webhook-types': string[] } } }
  >;
};

interface Manifest {
  hook_attributes: { url: string };
  default_events: string[];
  default_permissions: Record<string, string>;
}
const manifest = parse(read('app.yml')) as Manifest;

/** The webhooks GitHub sends an App, as `event` or `event.action`, from its webhook description. */
const appWebhooks = new Set(
  Object.entries(webhooks.webhooks)
    .filter(([, hook]) => hook.post['x-github']['supported-webhook-types'].includes('app'))
    .flatMap(([key, hook]) => {
      const event = hook.post['x-github'].subcategory;
      const action = key.slice(event.length + 1).replace(/-/g, '_');
      return [event, `${event}.${action}`];
    }),
);

describe('the App manifest (app.yml)', () => {
  it('asks only for permissions GitHub knows, at levels GitHub allows', () => {
    const known = api.components.schemas['app-permissions']?.properties ?? {};
    for (const [permission, level] of Object.entries(manifest.default_permissions)) {
      expect(Object.keys(known)).toContain(permission);
      expect(known[permission]?.enum ?? []).toContain(level);
    }
  });

  it('subscribes to exactly the events the server evaluates (installations come unasked)', () => {
    const unasked = ['installation', 'installation_repositories'];
    expect([...manifest.default_events, ...unasked].sort()).toEqual(Object.keys(GATED_ACTIONS).sort());
  });

  it('names only events and actions GitHub sends to an App', () => {
    for (const [event, actions] of Object.entries(GATED_ACTIONS)) {
      expect(appWebhooks).toContain(event);
      if (actions !== 'any')
        for (const action of actions) expect(appWebhooks).toContain(`${event}.${action}`);
    }
  });

  it('points GitHub at the path the server listens on', () => {
    expect(new URL(manifest.hook_attributes.url).pathname).toBe(WEBHOOK_PATH);
  });
});

interface Container {
  ports: { name: string; containerPort: number }[];
  env: { name: string }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  securityContext: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

describe('the Kubernetes example (deploy/kubernetes.yml)', () => {
  const documents = parseAllDocuments(read('deploy/kubernetes.yml')).map((document) => document.toJS());
  const deployment = documents.find((document) => document.kind === 'Deployment');
  const service = documents.find((document) => document.kind === 'Service');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0] as Container;

  it('runs several replicas as a user other than root', () => {
    expect(deployment.spec.replicas).toBeGreaterThan(1);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
  });

  it('probes the health path on the port the image exposes', () => {
    const exposed = Number(/^EXPOSE\s+(\d+)/m.exec(read('Dockerfile'))?.[1]);
    const http = container.ports.find((port) => port.name === container.readinessProbe.httpGet.port);
    expect(http?.containerPort).toBe(exposed);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.httpGet).toEqual({ path: '/healthz', port: http?.name });
    }
    expect(service.spec.ports.map((port: { targetPort: string }) => port.targetPort)).toEqual([http?.name]);
  });

  it('sets only variables the server reads (docs/server.md lists them)', () => {
    const documented = [...read('docs/server.md').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toContain('APP_ID');
    for (const { name } of container.env) expect(documented).toContain(name);
  });
});
