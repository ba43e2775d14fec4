using DomainFlow.Testing.Proxies;

namespace DomainFlow.Testing.Web;

/// <summary>Debian's nginx for a test: one page for every Host on a free 127.0.0.1 port, gzip on, its own config and logs.</summary>
public static class NginxServer
{
    public static Task<LoopbackDaemon> StartAsync(string indexHtml) =>
        LoopbackDaemon.StartAsync("nginx", (port, directory) =>
        {
            var site = Directory.CreateDirectory(Path.Combine(directory, "site")).FullName;
            File.WriteAllText(Path.Combine(site, "index.html"), indexHtml);
            var config = Path.Combine(directory, "nginx.conf");
            File.WriteAllText(config, $$"""
                # One process that stays the invoking user: as root, workers would become nobody, who may not be able to
                # reach a temp dir inside a private (0700) folder.
                master_process off;
                daemon off;
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/body;
                    proxy_temp_path {{directory}}/proxy;
                    fastcgi_temp_path {{directory}}/fastcgi;
                    uwsgi_temp_path {{directory}}/uwsgi;
                    scgi_temp_path {{directory}}/scgi;
                    gzip on;
                    gzip_min_length 100;
                    server {
                        listen 127.0.0.1:{{port}} default_server;
                        root {{site}};
                        location / { try_files /index.html =404; default_type "text/html; charset=utf-8"; }
                    }
                }
                """);
            return ["-c", config, "-p", directory, "-e", Path.Combine(directory, "error.log")];
        });
}
