/**
 * The part of MLflow's SQLite tracking schema the SQLite writer fills, as MLflow 3 creates it at
 * alembic revision `b7e4c1a90f23` (the newest schema in the fixtures: workspace columns, logged
 * models). Statements are MLflow's own `CREATE` text as SQLite stores it in sqlite_master, so a
 * written database has the same tables, columns, constraints and indexes as a real one; tables
 * the writer never fills (traces, assessments, webhooks, jobs…) are left out.
 */

export const ALEMBIC_VERSION = 'b7e4c1a90f23';

/** Indexes on `metrics`, created after the bulk insert: building them once is much faster. */
export const METRICS_INDEXES = `
CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);
CREATE INDEX index_metrics_run_uuid_key_step ON metrics (run_uuid, "key", step);
`;

export const SCHEMA = `
CREATE TABLE alembic_version (
  version_num VARCHAR(32) NOT NULL,
  CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE "experiments" (
  experiment_id INTEGER NOT NULL,
  name VARCHAR(256) NOT NULL,
  artifact_location VARCHAR(256),
  lifecycle_stage VARCHAR(32),
  creation_time BIGINT,
  last_update_time BIGINT,
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
  CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
  CONSTRAINT uq_experiments_workspace_name UNIQUE (workspace, name)
);
CREATE INDEX idx_experiments_workspace ON experiments (workspace);
CREATE INDEX idx_experiments_workspace_creation_time ON experiments (workspace, creation_time);
CREATE TABLE experiment_tags (
  "key" VARCHAR(250) NOT NULL,
  value VARCHAR(5000),
  experiment_id INTEGER NOT NULL,
  CONSTRAINT experiment_tag_pk PRIMARY KEY ("key", experiment_id),
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
);
CREATE TABLE "runs" (
  run_uuid VARCHAR(32) NOT NULL,
  name VARCHAR(250),
  source_type VARCHAR(20),
  source_name VARCHAR(500),
  entry_point_name VARCHAR(50),
  user_id VARCHAR(256),
  status VARCHAR(9),
  start_time BIGINT,
  end_time BIGINT,
  source_version VARCHAR(50),
  lifecycle_stage VARCHAR(20),
  artifact_uri VARCHAR(200),
  experiment_id INTEGER, deleted_time BIGINT,
  CONSTRAINT run_pk PRIMARY KEY (run_uuid),
  CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
  CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')),
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
  CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED'))
);
CREATE TABLE "params" (
  "key" VARCHAR(250) NOT NULL,
  value VARCHAR(8000) NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT param_pk PRIMARY KEY ("key", run_uuid),
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
);
CREATE INDEX index_params_run_uuid ON params (run_uuid);
CREATE TABLE "tags" (
  "key" VARCHAR(250) NOT NULL,
  value VARCHAR(8000),
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT tag_pk PRIMARY KEY ("key", run_uuid),
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
);
CREATE INDEX index_tags_run_uuid ON tags (run_uuid);
CREATE TABLE "metrics" (
  "key" VARCHAR(250) NOT NULL,
  value FLOAT NOT NULL,
  timestamp BIGINT NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  step BIGINT DEFAULT '0' NOT NULL,
  is_nan BOOLEAN DEFAULT '0' NOT NULL,
  CONSTRAINT metric_pk PRIMARY KEY ("key", timestamp, step, run_uuid, value, is_nan),
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid),
  CHECK (is_nan IN (0, 1))
);
CREATE TABLE "latest_metrics" (
  "key" VARCHAR(250) NOT NULL,
  value FLOAT NOT NULL,
  timestamp BIGINT,
  step BIGINT NOT NULL,
  is_nan BOOLEAN NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT latest_metric_pk PRIMARY KEY ("key", run_uuid),
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid),
  CHECK (is_nan IN (0, 1))
);
CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid);
CREATE TABLE "datasets" (
  dataset_uuid VARCHAR(36) NOT NULL,
  experiment_id INTEGER NOT NULL,
  name VARCHAR(500) NOT NULL,
  digest VARCHAR(36) NOT NULL,
  dataset_source_type VARCHAR(36) NOT NULL,
  dataset_source TEXT NOT NULL,
  dataset_schema TEXT,
  dataset_profile TEXT,
  CONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest),
  CONSTRAINT fk_datasets_experiment_id_experiments FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);
CREATE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid);
CREATE INDEX index_datasets_experiment_id_dataset_source_type ON datasets (experiment_id, dataset_source_type);
CREATE TABLE inputs (
  input_uuid VARCHAR(36) NOT NULL,
  source_type VARCHAR(36) NOT NULL,
  source_id VARCHAR(36) NOT NULL,
  destination_type VARCHAR(36) NOT NULL,
  destination_id VARCHAR(36) NOT NULL, step BIGINT DEFAULT '0' NOT NULL,
  CONSTRAINT inputs_pk PRIMARY KEY (source_type, source_id, destination_type, destination_id)
);
CREATE INDEX index_inputs_input_uuid ON inputs (input_uuid);
CREATE INDEX index_inputs_destination_type_destination_id_source_type ON inputs (destination_type, destination_id, source_type);
CREATE TABLE input_tags (
  input_uuid VARCHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  value VARCHAR(500) NOT NULL,
  CONSTRAINT input_tags_pk PRIMARY KEY (input_uuid, name)
);
CREATE TABLE logged_models (
  model_id VARCHAR(36) NOT NULL,
  experiment_id INTEGER NOT NULL,
  name VARCHAR(500) NOT NULL,
  artifact_location VARCHAR(1000) NOT NULL,
  creation_timestamp_ms BIGINT NOT NULL,
  last_updated_timestamp_ms BIGINT NOT NULL,
  status INTEGER NOT NULL,
  lifecycle_stage VARCHAR(32),
  model_type VARCHAR(500),
  source_run_id VARCHAR(32),
  status_message VARCHAR(1000),
  CONSTRAINT logged_models_pk PRIMARY KEY (model_id),
  CONSTRAINT logged_models_lifecycle_stage_check CHECK (lifecycle_stage IN ('active', 'deleted')),
  CONSTRAINT fk_logged_models_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);
CREATE TABLE logged_model_params (
  model_id VARCHAR(36) NOT NULL,
  experiment_id INTEGER NOT NULL,
  param_key VARCHAR(255) NOT NULL,
  param_value TEXT NOT NULL,
  CONSTRAINT logged_model_params_pk PRIMARY KEY (model_id, param_key),
  CONSTRAINT fk_logged_model_params_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
  CONSTRAINT fk_logged_model_params_model_id FOREIGN KEY(model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE
);
CREATE TABLE logged_model_tags (
  model_id VARCHAR(36) NOT NULL,
  experiment_id INTEGER NOT NULL,
  tag_key VARCHAR(255) NOT NULL,
  tag_value TEXT NOT NULL,
  CONSTRAINT logged_model_tags_pk PRIMARY KEY (model_id, tag_key),
  CONSTRAINT fk_logged_model_tags_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
  CONSTRAINT fk_logged_model_tags_model_id FOREIGN KEY(model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE
);
CREATE TABLE "registered_models" (
  name VARCHAR(256) NOT NULL,
  creation_time BIGINT,
  last_updated_time BIGINT,
  description VARCHAR(5000),
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT registered_model_pk PRIMARY KEY (workspace, name)
);
CREATE INDEX idx_registered_models_workspace ON registered_models (workspace);
CREATE TABLE "registered_model_tags" (
  "key" VARCHAR(250) NOT NULL,
  value VARCHAR(5000),
  name VARCHAR(256) NOT NULL,
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT registered_model_tag_pk PRIMARY KEY (workspace, "key", name),
  CONSTRAINT fk_registered_model_tags_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE
);
CREATE INDEX idx_registered_model_tags_workspace_name ON registered_model_tags (workspace, name);
CREATE TABLE "model_versions" (
  name VARCHAR(256) NOT NULL,
  version INTEGER NOT NULL,
  creation_time BIGINT,
  last_updated_time BIGINT,
  description VARCHAR(5000),
  user_id VARCHAR(256),
  current_stage VARCHAR(20),
  source VARCHAR(500),
  run_id VARCHAR(32),
  status VARCHAR(20),
  status_message VARCHAR(500),
  run_link VARCHAR(500),
  storage_location VARCHAR(500),
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT model_version_pk PRIMARY KEY (workspace, name, version),
  CONSTRAINT fk_model_versions_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE
);
CREATE TABLE "model_version_tags" (
  "key" VARCHAR(250) NOT NULL,
  value TEXT,
  name VARCHAR(256) NOT NULL,
  version INTEGER NOT NULL,
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT model_version_tag_pk PRIMARY KEY (workspace, "key", name, version),
  CONSTRAINT fk_model_version_tags_model_versions FOREIGN KEY(workspace, name, version) REFERENCES model_versions (workspace, name, version) ON UPDATE CASCADE
);
CREATE INDEX idx_model_version_tags_workspace_name_version ON model_version_tags (workspace, name, version);
CREATE TABLE "registered_model_aliases" (
  alias VARCHAR(256) NOT NULL,
  version INTEGER NOT NULL,
  name VARCHAR(256) NOT NULL,
  workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
  CONSTRAINT registered_model_alias_pk PRIMARY KEY (workspace, name, alias),
  CONSTRAINT fk_registered_model_aliases_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON DELETE CASCADE ON UPDATE CASCADE
);
`;

/**
 * MLflow 2.3's schema (alembic revision `3500859a5d39`: no datasets, inputs, logged models or
 * workspaces), MLflow's own CREATE text as SQLite stores it, for tests of old stores.
 */
export const ALEMBIC_VERSION_2_3 = '3500859a5d39';

export const SCHEMA_2_3 = `
CREATE TABLE experiments (
  experiment_id INTEGER NOT NULL, 
  name VARCHAR(256) NOT NULL, 
  artifact_location VARCHAR(256), 
  lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT, 
  CONSTRAINT experiment_pk PRIMARY KEY (experiment_id), 
  CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')), 
  UNIQUE (name)
);
CREATE TABLE alembic_version (
  version_num VARCHAR(32) NOT NULL, 
  CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE experiment_tags (
  "key" VARCHAR(250) NOT NULL, 
  value VARCHAR(5000), 
  experiment_id INTEGER NOT NULL, 
  CONSTRAINT experiment_tag_pk PRIMARY KEY ("key", experiment_id), 
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
);
CREATE TABLE "tags" (
  "key" VARCHAR(250) NOT NULL, 
  value VARCHAR(5000), 
  run_uuid VARCHAR(32) NOT NULL, 
  CONSTRAINT tag_pk PRIMARY KEY ("key", run_uuid), 
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE registered_models (
  name VARCHAR(256) NOT NULL, 
  creation_time BIGINT, 
  last_updated_time BIGINT, 
  description VARCHAR(5000), 
  CONSTRAINT registered_model_pk PRIMARY KEY (name), 
  UNIQUE (name)
);
CREATE TABLE "runs" (
  run_uuid VARCHAR(32) NOT NULL, 
  name VARCHAR(250), 
  source_type VARCHAR(20), 
  source_name VARCHAR(500), 
  entry_point_name VARCHAR(50), 
  user_id VARCHAR(256), 
  status VARCHAR(9), 
  start_time BIGINT, 
  end_time BIGINT, 
  source_version VARCHAR(50), 
  lifecycle_stage VARCHAR(20), 
  artifact_uri VARCHAR(200), 
  experiment_id INTEGER, deleted_time BIGINT, 
  CONSTRAINT run_pk PRIMARY KEY (run_uuid), 
  CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')), 
  CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')), 
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id), 
  CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED'))
);
CREATE TABLE registered_model_tags (
  "key" VARCHAR(250) NOT NULL, 
  value VARCHAR(5000), 
  name VARCHAR(256) NOT NULL, 
  CONSTRAINT registered_model_tag_pk PRIMARY KEY ("key", name), 
  FOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE cascade
);
CREATE TABLE model_version_tags (
  "key" VARCHAR(250) NOT NULL, 
  value VARCHAR(5000), 
  name VARCHAR(256) NOT NULL, 
  version INTEGER NOT NULL, 
  CONSTRAINT model_version_tag_pk PRIMARY KEY ("key", name, version), 
  FOREIGN KEY(name, version) REFERENCES model_versions (name, version) ON UPDATE cascade
);
CREATE TABLE "model_versions" (
  name VARCHAR(256) NOT NULL, 
  version INTEGER NOT NULL, 
  creation_time BIGINT, 
  last_updated_time BIGINT, 
  description VARCHAR(5000), 
  user_id VARCHAR(256), 
  current_stage VARCHAR(20), 
  source VARCHAR(500), 
  run_id VARCHAR(32), 
  status VARCHAR(20), 
  status_message VARCHAR(500), 
  run_link VARCHAR(500), 
  CONSTRAINT model_version_pk PRIMARY KEY (name, version), 
  FOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE CASCADE
);
CREATE TABLE "latest_metrics" (
  "key" VARCHAR(250) NOT NULL, 
  value FLOAT NOT NULL, 
  timestamp BIGINT, 
  step BIGINT NOT NULL, 
  is_nan BOOLEAN NOT NULL, 
  run_uuid VARCHAR(32) NOT NULL, 
  CONSTRAINT latest_metric_pk PRIMARY KEY ("key", run_uuid), 
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), 
  CHECK (is_nan IN (0, 1))
);
CREATE TABLE "metrics" (
  "key" VARCHAR(250) NOT NULL, 
  value FLOAT NOT NULL, 
  timestamp BIGINT NOT NULL, 
  run_uuid VARCHAR(32) NOT NULL, 
  step BIGINT DEFAULT '0' NOT NULL, 
  is_nan BOOLEAN DEFAULT '0' NOT NULL, 
  CONSTRAINT metric_pk PRIMARY KEY ("key", timestamp, step, run_uuid, value, is_nan), 
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), 
  CHECK (is_nan IN (0, 1))
);
CREATE TABLE "params" (
  "key" VARCHAR(250) NOT NULL, 
  value VARCHAR(500) NOT NULL, 
  run_uuid VARCHAR(32) NOT NULL, 
  CONSTRAINT param_pk PRIMARY KEY ("key", run_uuid), 
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE registered_model_aliases (
  alias VARCHAR(256) NOT NULL, 
  version INTEGER NOT NULL, 
  name VARCHAR(256) NOT NULL, 
  CONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias), 
  CONSTRAINT registered_model_alias_name_fkey FOREIGN KEY(name) REFERENCES registered_models (name) ON DELETE cascade ON UPDATE cascade
);
CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);
CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid);
CREATE INDEX index_tags_run_uuid ON tags (run_uuid);
CREATE INDEX index_params_run_uuid ON params (run_uuid);
`;
