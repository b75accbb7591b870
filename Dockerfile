# The tupu API. nodejieba compiles on install, hence the build tools in the first stage.
FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts=false

# The explorer page, bundled by vite (a dev dependency; install scripts are not needed for it).
FROM node:20-bookworm AS explorer
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.json ./
RUN npm ci --ignore-scripts
COPY explorer ./explorer
RUN npm run build:explorer

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 TUPU_DATA=/data
COPY --from=deps /app/node_modules ./node_modules
COPY --from=explorer /app/dist/explorer ./dist/explorer
COPY package.json schema.graphql ./
COPY bin ./bin
COPY src ./src
COPY seeds ./seeds
VOLUME /data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["bin/tupu.js", "serve"]
