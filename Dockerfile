# A city's deployment: docker build -t jongerenwerk-school-api . (see README, "Operating it").
# Stage 1 compiles with every dependency; stage 2 runs the compiled server with production ones only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/generate.mjs scripts/generate.mjs
COPY prisma/schema.prisma prisma/schema.prisma
COPY prisma.config.ts ./
# postinstall runs `prisma generate` (client and Pothos types) into src/generated.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 PGLITE_DATA_DIR=/data/pglite
WORKDIR /app
COPY package.json package-lock.json ./
# The generated Prisma client is compiled into dist/, so no install script is needed here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is PID 1: SIGTERM from the runtime reaches the server (no npm in between).
CMD ["node", "--enable-source-maps", "dist/src/server.js"]
