# quotegraph's image: dependencies are installed and the viewer is built here, inside the image, never in the
# checkout it is built from (a macOS checkout keeps its own node_modules). Used by docker-compose.yml.

# Stage 1: every dependency (vite is a dev dependency), the viewer built, then the dev dependencies dropped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:viewer && npm prune --omit=dev

# Stage 2: what runs: the sources (run by tsx), production dependencies and the built viewer.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app ./
# the build folder the ingest writes and the viewer serves; a named volume mounted here starts with this owner
RUN mkdir -p /data && chown node:node /data
USER node
ENTRYPOINT ["node", "bin/quotegraph.mjs"]
CMD ["--help"]
