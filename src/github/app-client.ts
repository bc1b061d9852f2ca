/** The GitHub App's client class. */
import { Octokit } from '@octokit/rest';
import { CLIENT_PLUGINS, clientOptions, type ClientSettings } from './client.js';

/**
 * The client class for a GitHub App: the same plugins and options as the action's client, with
 * the authentication left to whoever makes an instance (@octokit/app gives each installation its
 * own, renewing its token). In its own file so the action's bundle does not carry @octokit/rest.
 */
export function appClientClass(settings: ClientSettings & { baseUrl: string }) {
  return Octokit.plugin(...CLIENT_PLUGINS).defaults({
    baseUrl: settings.baseUrl,
    ...clientOptions(settings),
    // Failures are reported once, by the server, through its own log.
    log: { debug: () => undefined, info: () => undefined, warn: settings.warn, error: () => undefined },
  });
}
