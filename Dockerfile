# One image for every app: the monorepo is built once, and each service runs
# `node apps/<app>/dist/main.js` (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json tsconfig.json ./
COPY packages ./packages
COPY apps ./apps
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production CAMPUS_MODE=production
WORKDIR /app
COPY --from=build /app /app
COPY fixtures ./fixtures
USER node
# Each service sets its own command; this default is the receiver.
CMD ["node", "apps/receiver/dist/main.js"]
