-- HTTP personas: reusable request settings (agents, headers, TLS, redirects, timeouts), a workspace resource. The configuration is the persona's JSON
-- (DomainFlowJson); name and enabled are copied out of it so lists can sort and filter without parsing it.
CREATE TABLE http_personas (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    -- Lower-cased name: names are unique case-insensitively.
    name_key   TEXT    NOT NULL UNIQUE,
    config     TEXT    NOT NULL,
    enabled    INTEGER NOT NULL,
    created_by TEXT    NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
