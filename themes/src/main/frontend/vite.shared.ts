import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Build settings shared by both consoles. Each console is a separate build because Keycloak
 * takes the first `isEntry` chunk of a theme's `.vite/manifest.json` as the page's entry script.
 */
export function consoleConfig(app: "account" | "admin") {
  return defineConfig({
    plugins: [react()],
    // Asset URLs stay relative: Keycloak serves them from a versioned theme resource path.
    base: "",
    build: {
      // Straight into the Maven module's output, as the theme's resources (Keycloak reads
      // .vite/manifest.json from there to find the entry script and styles).
      outDir: `../../../target/classes/theme/security-center/${app}/resources`,
      // The output lies outside the project root, so Vite would not empty it by itself and
      // hashed files of earlier builds would end up in the jar.
      emptyOutDir: true,
      manifest: true,
      // Each console is essentially its package's prebuilt bundle, which cannot be split.
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: `src/${app}/main.tsx`,
        // Provided by the import map in the parent theme's index.ftl.
        external: ["react", "react/jsx-runtime", "react-dom"],
        output: {
          // One script per console. Keycloak turns the entry's static imports into
          // <link rel="modulepreload"> tags using manifest keys ("_index-….js") instead of
          // file names, which 404; the package's lazy pages are small, so nothing is lost.
          inlineDynamicImports: true,
        },
      },
    },
  });
}
