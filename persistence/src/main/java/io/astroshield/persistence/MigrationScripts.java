package io.astroshield.persistence;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The store's migrations for Flyway: the {@code .sql} files directly in {@code db/migration/} of this module's own
 * jar or classes directory, and nothing else. Flyway's own classpath scan also descends into sub-folders and other
 * jars, so a library with migrations of its own under {@code db/migration/...} (the reference server's, in tests
 * that run both) would be taken for the store's and stop it from opening.
 */
final class MigrationScripts implements ResourceProvider {
    private static final String FOLDER = "db/migration/";

    private final Map<String, URL> scripts;

    private MigrationScripts(Map<String, URL> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    static MigrationScripts ofThisModule() {
        URL source = Store.class.getProtectionDomain().getCodeSource().getLocation();
        Map<String, URL> found = new TreeMap<>();
        try {
            Path path = Path.of(source.toURI());
            if (Files.isDirectory(path)) {
                Path folder = path.resolve(FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path p : files.filter(Files::isRegularFile).toList()) {
                            found.put(p.getFileName().toString(), p.toUri().toURL());
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        String n = e.getName();
                        if (!e.isDirectory() && n.startsWith(FOLDER) && n.indexOf('/', FOLDER.length()) < 0) {
                            found.put(n.substring(FOLDER.length()), new URL("jar:" + source + "!/" + n));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new StoreException(StoreError.MIGRATION, "Cannot list the store's migrations in " + source + ": " + e, e);
        }
        return new MigrationScripts(found);
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = scripts.get(name);
        return url == null ? null : new Script(name, url);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (Map.Entry<String, URL> e : scripts.entrySet()) {
            String n = e.getKey();
            if (n.startsWith(prefix)) {
                for (String suffix : suffixes) {
                    if (n.endsWith(suffix)) {
                        matching.add(new Script(n, e.getValue()));
                        break;
                    }
                }
            }
        }
        return matching;
    }

    /** One script, read from where it was listed when Flyway asks for it. */
    private static final class Script extends LoadableResource {
        private final String name;
        private final URL url;

        Script(String name, URL url) {
            this.name = name;
            this.url = url;
        }

        @Override
        public Reader read() {
            try {
                URLConnection c = url.openConnection();
                c.setUseCaches(false); // a cached jar would stay open after the store closes
                return new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
