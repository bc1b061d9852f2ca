/** The proxy a request goes through, as the runner's proxy variables say. */
import type { Agent } from 'node:http';
import { HttpClient } from '@actions/http-client';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

const agents = new Map<string, Agent>();

/**
 * The agent that takes a request to `url` through the proxy the runner's variables name
 * (HTTPS_PROXY, HTTP_PROXY and NO_PROXY, read as @actions/http-client reads them, loopback
 * never proxied), or undefined where no proxy applies and the default agent serves.
 */
export function proxyAgentFor(url: URL): Agent | undefined {
  const proxy = getProxyUrl(url);
  if (!proxy?.hostname) return undefined;
  const key = `${url.protocol} ${proxy.href}`;
  let agent = agents.get(key);
  if (!agent) {
    // Without keep-alive: a tunnel kept open would hold the process after its last request.
    agent = new HttpClient('checklist-gate').getAgent(url.href);
    agents.set(key, agent);
  }
  return agent;
}
