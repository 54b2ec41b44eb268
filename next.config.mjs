/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / engine-backed packages stay outside the server bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'esbuild', 'mdx-bundler'],
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
};

export default nextConfig;
