# The organisation server: `checklist-gate serve` from the built bundles (npm run build), nothing
# else. The bundles carry their dependencies, so the image has no node_modules and no build step.
# Configuration comes from the environment (docs/server.md); the private key is best mounted as a
# file and named by PRIVATE_KEY_PATH.
FROM node:24-alpine
WORKDIR /app
COPY package.json LICENSE ./
COPY dist/cli/ dist/cli/
COPY dist/server/ dist/server/
# The image's own user, not root; it owns nothing it could rewrite.
USER node
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- "http://127.0.0.1:${PORT}/healthz" || exit 1
ENTRYPOINT ["node", "dist/cli/index.js", "serve"]
