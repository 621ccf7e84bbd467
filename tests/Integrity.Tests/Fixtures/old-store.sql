-- The sc schema as the old home-made store (src/EventStore, deleted; last at main 1b102e2) left it: pg_dump --schema=sc
-- --inserts of the database tests/Integrity.Tests/OldStoreDatabase.cs built with the old code (two format-1 events
-- inserted before its hash migration, then its own appends). Writing transactions renumbered to 101..105 so that every
-- cluster has passed them; old-store-checkpoint.json is the checkpoint file the old code wrote on it after that.


SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: sc; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA sc;

--
-- Name: append_refused(text, uuid[]); Type: FUNCTION; Schema: sc; Owner: -
--

CREATE FUNCTION sc.append_refused(p_stream_id text, p_ids uuid[]) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
declare
    v_stored int;
    v_version bigint;
begin
    select count(*) into v_stored from sc.events where id = any(p_ids) and stream_id = p_stream_id;
    if v_stored = cardinality(p_ids) then
        raise exception using errcode = 'SC200', message = 'these events are stored already';
    end if;
    select version into v_version from sc.streams where id = p_stream_id;
    raise exception using errcode = 'SC409', hint = coalesce(v_version, 0)::text,
        message = format('stream %s is at version %s', p_stream_id, coalesce(v_version, 0));
end
$$;

--
-- Name: chain_hashes(bytea, bytea[], bigint, timestamp with time zone); Type: FUNCTION; Schema: sc; Owner: -
--

CREATE FUNCTION sc.chain_hashes(p_previous bytea, p_contents bytea[], p_first_version bigint, p_timestamp timestamp with time zone) RETURNS bytea[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
declare
    h bytea := coalesce(p_previous, ''::bytea);
    ts bytea := timestamptz_send(p_timestamp);
    result bytea[] := '{}';
begin
    for i in 1 .. cardinality(p_contents) loop
        h := sha256(p_contents[i] || int8send(p_first_version + i) || ts || h);
        result := result || h;
    end loop;
    return result;
end
$$;

--
-- Name: event_hash_input(uuid, text, bigint, text, jsonb, timestamp with time zone, text, uuid, uuid, text, jsonb); Type: FUNCTION; Schema: sc; Owner: -
--

CREATE FUNCTION sc.event_hash_input(p_id uuid, p_stream_id text, p_version bigint, p_type text, p_data jsonb, p_timestamp timestamp with time zone, p_tenant text, p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    select convert_to(
        sc.hash_field(p_id::text) || sc.hash_field(p_stream_id) || sc.hash_field(p_version::text) ||
        sc.hash_field(p_type) || sc.hash_field(p_data::text) ||
        sc.hash_field(((extract(epoch from p_timestamp) * 1000000)::bigint)::text) ||
        sc.hash_field(p_tenant) || sc.hash_field(p_correlation_id::text) ||
        sc.hash_field(p_causation_id::text) || sc.hash_field(p_actor) || sc.hash_field(p_headers::text),
        'UTF8')
$$;

--
-- Name: event_hashes(bytea, uuid[], text, bigint, text[], jsonb[], timestamp with time zone, text, uuid, uuid, text, jsonb); Type: FUNCTION; Schema: sc; Owner: -
--

CREATE FUNCTION sc.event_hashes(p_previous bytea, p_ids uuid[], p_stream_id text, p_first_version bigint, p_types text[], p_data jsonb[], p_timestamp timestamp with time zone, p_tenant text, p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb) RETURNS bytea[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
declare
    h bytea := coalesce(p_previous, ''::bytea);
    result bytea[] := '{}';
    stream text := coalesce(octet_length(p_stream_id)::text || ':' || p_stream_id || ';', '-;');
    micros text := ((extract(epoch from p_timestamp) * 1000000)::bigint)::text;
    correlation text := p_correlation_id::text;
    causation text := p_causation_id::text;
    headers text := p_headers::text;
    tail text;
    id text;
    version text;
    data text;
begin
    -- each field as event_hash_input encodes it: UTF-8 length, ':', text, ';' (null is '-;')
    tail := coalesce(octet_length(micros)::text || ':' || micros || ';', '-;') || coalesce(octet_length(p_tenant)::text || ':' || p_tenant || ';', '-;')
         || coalesce(octet_length(correlation)::text || ':' || correlation || ';', '-;') || coalesce(octet_length(causation)::text || ':' || causation || ';', '-;')
         || coalesce(octet_length(p_actor)::text || ':' || p_actor || ';', '-;') || coalesce(octet_length(headers)::text || ':' || headers || ';', '-;');
    for i in 1 .. cardinality(p_ids) loop
        id := p_ids[i]::text;
        version := (p_first_version + i)::text;
        data := p_data[i]::text;
        h := sha256(convert_to(coalesce(octet_length(id)::text || ':' || id || ';', '-;') || stream || coalesce(octet_length(version)::text || ':' || version || ';', '-;')
                    || coalesce(octet_length(p_types[i])::text || ':' || p_types[i] || ';', '-;') || coalesce(octet_length(data)::text || ':' || data || ';', '-;') || tail, 'UTF8') || h);
        result := result || h;
    end loop;
    return result;
end
$$;

--
-- Name: hash_field(text); Type: FUNCTION; Schema: sc; Owner: -
--

CREATE FUNCTION sc.hash_field(p text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ select case when p is null then '-;' else octet_length(p)::text || ':' || p || ';' end $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: events; Type: TABLE; Schema: sc; Owner: -
--

CREATE TABLE sc.events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id text NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    type text NOT NULL,
    "timestamp" timestamp with time zone NOT NULL,
    tenant_id text DEFAULT '*DEFAULT*'::text NOT NULL,
    correlation_id uuid,
    causation_id uuid,
    actor text,
    headers jsonb,
    transaction_id xid8 DEFAULT pg_current_xact_id() NOT NULL,
    is_archived boolean DEFAULT false NOT NULL,
    hash bytea NOT NULL,
    hash_format smallint DEFAULT 2 NOT NULL,
    CONSTRAINT events_hash_format_known CHECK ((hash_format = ANY (ARRAY[1, 2])))
);

--
-- Name: events_sequence; Type: SEQUENCE; Schema: sc; Owner: -
--

CREATE SEQUENCE sc.events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: events_sequence; Type: SEQUENCE OWNED BY; Schema: sc; Owner: -
--

ALTER SEQUENCE sc.events_sequence OWNED BY sc.events.seq_id;

--
-- Name: schema_migrations; Type: TABLE; Schema: sc; Owner: -
--

CREATE TABLE sc.schema_migrations (
    module text NOT NULL,
    version integer NOT NULL,
    description text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: stream_registry; Type: TABLE; Schema: sc; Owner: -
--

CREATE TABLE sc.stream_registry (
    id text NOT NULL,
    type text NOT NULL,
    created timestamp with time zone NOT NULL,
    tenant_id text DEFAULT '*DEFAULT*'::text NOT NULL,
    is_archived boolean DEFAULT false NOT NULL
);

--
-- Name: streams; Type: VIEW; Schema: sc; Owner: -
--

CREATE VIEW sc.streams AS
 SELECT r.id,
    r.type,
    COALESCE(h.version, (0)::bigint) AS version,
    COALESCE(h."timestamp", r.created) AS "timestamp",
    r.created,
    r.tenant_id,
    r.is_archived,
    h.hash AS head_hash
   FROM (sc.stream_registry r
     LEFT JOIN LATERAL ( SELECT e.version,
            e."timestamp",
            e.hash
           FROM sc.events e
          WHERE (e.stream_id = r.id)
          ORDER BY e.version DESC
         LIMIT 1) h ON (true));

--
-- Name: subject_keys; Type: TABLE; Schema: sc; Owner: -
--

CREATE TABLE sc.subject_keys (
    subject_id uuid NOT NULL,
    key bytea,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    erased_at timestamp with time zone,
    erased_by text,
    erasure_reason text,
    CONSTRAINT subject_keys_erased_has_no_key CHECK (((erased_at IS NULL) OR (key IS NULL)))
);

--
-- Name: events seq_id; Type: DEFAULT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.events ALTER COLUMN seq_id SET DEFAULT nextval('sc.events_sequence'::regclass);

--
-- Data for Name: events; Type: TABLE DATA; Schema: sc; Owner: -
--

INSERT INTO sc.events VALUES (1, '88aafd3d-0da6-4f03-b8bb-6c7d99b4e952', 'inmate-from-before-hashes', 1, '{"reason": "fight", "inmateId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "startedAt": "2025-01-02T08:00:00+00:00", "authorisedBy": "dsp"}', 'segregation_started.v1', '2025-01-02 08:00:00.123456+00', '*DEFAULT*', NULL, NULL, 'warden', NULL, '101', false, '\xef6806be5df654590922bbba2713403b976d373fe69d7eaa66c845bcd1da6060', 1);
INSERT INTO sc.events VALUES (2, '4ba3f08e-71cb-4f26-b209-3b097b355466', 'inmate-from-before-hashes', 2, '{"reason": "calm", "endedAt": "2025-01-05T08:00:00+00:00", "inmateId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "authorisedBy": "dsp"}', 'segregation_ended.v1', '2025-01-05 08:00:00+00', '*DEFAULT*', NULL, NULL, NULL, NULL, '101', false, '\xd7154cde4763a7c34131cdcfc8568a4683276d73f970cda168663f491f093a6e', 1);
INSERT INTO sc.events VALUES (3, '01a222a6-1ac3-74fa-b7b6-58355048add3', 'inmate-0f8fad5bd9cb469fa16570867728950e', 1, '{"sex": "Female", "cnic": "enc:v1:pgG45NKpJfGjkQC8M5IzAHDc7aiPOQI3VYjYjgSNKvt+HNEtgxir4GXwuS5z", "currency": "PKR", "fullName": "enc:v1:BNRvxrNwKB9DEKSQGcRlnOd8OoZvD469QutyhLphXWlnphTK5EabxBE=", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "admittedAt": "2026-03-01T08:00:00+00:00", "facilityId": "ac284215-a98c-4381-9380-59a2c444d94e", "dateOfBirth": "1990-04-01", "legalStatus": "Remand", "prisonerNumber": "LHR-0042", "committalAuthority": "Sessions Court", "consentToAttribution": true}', 'inmate_admitted.v1', '2026-11-28 14:54:01.035491+00', '*DEFAULT*', '16fd2706-8baf-433b-82eb-8c7fada847da', '886313e1-3b8a-5372-9b90-0c9aee199e5d', 'instructor', '{"note": "ünïcode", "Client": "desk ✓"}', '102', false, '\xd54cb61cbb1926f7291e11e0f1e39fc40a67a8f1d2730010cd11f9e34ef5aa98', 2);
INSERT INTO sc.events VALUES (4, '01a222a6-1ac3-7380-9492-dfdd478b8b5c', 'inmate-0f8fad5bd9cb469fa16570867728950e', 2, '{"reason": "reason 1", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "startedAt": "2026-03-02T08:00:00+00:00", "authorisedBy": "deputy superintendent"}', 'segregation_started.v1', '2026-11-28 14:54:01.035491+00', '*DEFAULT*', '16fd2706-8baf-433b-82eb-8c7fada847da', '886313e1-3b8a-5372-9b90-0c9aee199e5d', 'instructor', '{"note": "ünïcode", "Client": "desk ✓"}', '102', false, '\xb5f2ffe5a3f38eb5f54f723f63fcccd134911ddbcb5a94a79bd14803c360dd2b', 2);
INSERT INTO sc.events VALUES (5, '01a222a6-1ac4-7b47-9ad5-64e7447d20a1', 'wage-account-0f8fad5bd9cb469fa16570867728950e', 1, '{"kind": "Wage", "currency": "PKR", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "postingId": "514f6a61-5b3b-452e-9102-0c26134447eb", "creditedAt": "2026-03-01T08:00:00+00:00", "amountMinor": 1250, "description": "kitchen", "familyMinor": 0, "savingsMinor": 625, "spendableMinor": 625}', 'wage_credited.v1', '2026-11-28 14:54:01.036561+00', '*DEFAULT*', '16fd2706-8baf-433b-82eb-8c7fada847da', '886313e1-3b8a-5372-9b90-0c9aee199e5d', 'instructor', NULL, '102', false, '\x89dcb36d1aacbb83bd8f977ab42761e1ef3a43c9fc8f173308543e5ff6ca9661', 2);
INSERT INTO sc.events VALUES (6, '01a222a6-1b57-7332-af29-fea9ce6bb730', 'wage-account-0f8fad5bd9cb469fa16570867728950e', 2, '{"kind": "Wage", "currency": "PKR", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "postingId": "805d10c0-5091-41be-b4a3-19f2aed554e3", "creditedAt": "2026-03-02T08:00:00+00:00", "amountMinor": 300, "description": "kitchen", "familyMinor": 0, "savingsMinor": 150, "spendableMinor": 150}', 'wage_credited.v1', '2026-11-28 14:54:01.050115+00', '*DEFAULT*', NULL, NULL, NULL, NULL, '103', false, '\xfc80a0e786ab6cbcd3e2fba48f04fe39d040ab9523ac5289bf9d66482d870a7b', 2);
INSERT INTO sc.events VALUES (7, '01a222a6-1b57-7ad4-bf9a-80fed1f6007e', 'wage-account-0f8fad5bd9cb469fa16570867728950e', 3, '{"kind": "Wage", "currency": "PKR", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "postingId": "9f5ab44e-2363-4af1-8d84-7b98946f0804", "creditedAt": "2026-03-03T08:00:00+00:00", "amountMinor": 45, "description": "kitchen", "familyMinor": 0, "savingsMinor": 23, "spendableMinor": 22}', 'wage_credited.v1', '2026-11-28 14:54:01.050115+00', '*DEFAULT*', NULL, NULL, NULL, NULL, '103', false, '\x4cf80321144015a290c3d0cc65a68526cd00a5e0b4d3bf6381fca39ef36ba0f0', 2);
INSERT INTO sc.events VALUES (8, '01a222a6-1b5b-7239-9e99-14fd5f330f61', 'inmate-0f8fad5bd9cb469fa16570867728950e', 3, '{"reason": "reason 2", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e", "startedAt": "2026-03-03T08:00:00+00:00", "authorisedBy": "deputy superintendent"}', 'segregation_started.v1', '2026-11-28 14:54:01.053225+00', '*DEFAULT*', NULL, NULL, 'deputy', NULL, '104', false, '\x0e970c813dca02624ce3b9d639d911c14ad350aef34e4b44f99a694db8ffdf35', 2);
INSERT INTO sc.events VALUES (9, '01a222a6-1b62-727b-9856-82962f761229', 'inmate-from-before-hashes', 3, '{"reason": "reason 3", "inmateId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "startedAt": "2026-03-04T08:00:00+00:00", "authorisedBy": "deputy superintendent"}', 'segregation_started.v1', '2026-11-28 14:54:01.05896+00', '*DEFAULT*', NULL, NULL, NULL, NULL, '105', false, '\x96cfc2da1c9ef25919e6a60177e2d7c61dba0d9df173cbf8fc368ebe38968037', 2);

--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: sc; Owner: -
--

INSERT INTO sc.schema_migrations VALUES ('event_store', 1, 'streams and events tables', '2026-11-28 14:54:00.135778+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 2, 'refusal of an append whose stream was not where the caller expected', '2026-11-28 14:54:00.135778+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 3, 'tamper evidence: a SHA-256 chain per stream, backfilled for existing events', '2026-11-28 14:54:00.880022+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 4, 'a key per data subject, destroyed on erasure', '2026-11-28 14:54:00.880022+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 5, 'event_hashes without nested function calls: the same bytes, several times faster', '2026-11-28 14:54:00.880022+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 6, 'hash format 2: the client hashes the content, the append links it with version, time and predecessor', '2026-11-28 14:54:00.880022+00');
INSERT INTO sc.schema_migrations VALUES ('event_store', 7, 'an append writes one row: the stream''s version, time and head come from its newest event', '2026-11-28 14:54:00.880022+00');

--
-- Data for Name: stream_registry; Type: TABLE DATA; Schema: sc; Owner: -
--

INSERT INTO sc.stream_registry VALUES ('inmate-from-before-hashes', 'inmate', '2026-11-28 14:54:00.869547+00', '*DEFAULT*', false);
INSERT INTO sc.stream_registry VALUES ('inmate-0f8fad5bd9cb469fa16570867728950e', 'inmate', '2026-11-28 14:54:01.035491+00', '*DEFAULT*', false);
INSERT INTO sc.stream_registry VALUES ('wage-account-0f8fad5bd9cb469fa16570867728950e', 'wage_account', '2026-11-28 14:54:01.036561+00', '*DEFAULT*', false);

--
-- Data for Name: subject_keys; Type: TABLE DATA; Schema: sc; Owner: -
--

INSERT INTO sc.subject_keys VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', '\xc81277924677227565fa673d4a84de51269531aa6390e0e7ff9370a7818af980', '2026-11-28 14:54:00.950852+00', NULL, NULL, NULL);

--
-- Name: events_sequence; Type: SEQUENCE SET; Schema: sc; Owner: -
--

SELECT pg_catalog.setval('sc.events_sequence', 9, true);

--
-- Name: events events_id_unique; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.events
    ADD CONSTRAINT events_id_unique UNIQUE (id);

--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (seq_id);

--
-- Name: events events_stream_version_unique; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.events
    ADD CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version);

--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (module, version);

--
-- Name: stream_registry stream_registry_pkey; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.stream_registry
    ADD CONSTRAINT stream_registry_pkey PRIMARY KEY (id);

--
-- Name: subject_keys subject_keys_pkey; Type: CONSTRAINT; Schema: sc; Owner: -
--

ALTER TABLE ONLY sc.subject_keys
    ADD CONSTRAINT subject_keys_pkey PRIMARY KEY (subject_id);

--
-- Name: events_global_order; Type: INDEX; Schema: sc; Owner: -
--

CREATE INDEX events_global_order ON sc.events USING btree (transaction_id, seq_id);

--
-- Name: events_timestamp; Type: INDEX; Schema: sc; Owner: -
--

CREATE INDEX events_timestamp ON sc.events USING btree ("timestamp");

--
--

