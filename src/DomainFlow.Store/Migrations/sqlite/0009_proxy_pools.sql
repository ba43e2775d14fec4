-- Proxy pools: members with weights and a rotation, a workspace resource. The configuration is the pool's JSON
-- (DomainFlowJson); name and enabled are copied out of it so lists can sort and filter without parsing it.
CREATE TABLE proxy_pools (
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
