# syntax=docker/dockerfile:1.7
# Caravane: build the TypeScript once, ship only what runs.

FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY db ./db
RUN npm run build && npm prune --omit=dev

FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The dashboard's templates and static files are read from beside the compiled pages.
COPY adapters/http/pages/views ./dist/adapters/http/pages/views
COPY adapters/http/pages/assets ./dist/adapters/http/pages/assets
COPY --from=build /app/package.json ./package.json
COPY bin ./bin
COPY adapters/slack/manifest.yml ./adapters/slack/manifest.yml
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/caravane.js", "start"]
