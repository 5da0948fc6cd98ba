//! Environments: `http-client.env.json` and `http-client.private.env.json`, loaded for `--env`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The shared environment file, kept in version control.
pub const PUBLIC_ENV_FILE: &str = "http-client.env.json";

/// The private environment file (secrets), which overrides the shared one.
pub const PRIVATE_ENV_FILE: &str = "http-client.private.env.json";

/// Why an environment could not be loaded.
#[derive(Debug)]
pub enum EnvError {
    /// An environment file exists but could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What reading it said.
        error: std::io::Error,
    },
    /// An environment file is not JSON.
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// An environment file is JSON but not an object of environments, each an object of
    /// variables.
    Shape {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Neither file defines the environment.
    UnknownEnvironment {
        /// The environment asked for.
        name: String,
        /// The environments the files define (sorted; `$shared` left out).
        available: Vec<String>,
        /// The folder the files were looked for in.
        dir: PathBuf,
    },
}

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvError::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            EnvError::Json {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: not JSON: {message}", path.display()),
            EnvError::Shape { path, message } => write!(f, "{}: {message}", path.display()),
            EnvError::UnknownEnvironment {
                name,
                available,
                dir,
            } => {
                if available.is_empty() {
                    write!(
                        f,
                        "no environment `{name}`: neither {PUBLIC_ENV_FILE} nor \
                         {PRIVATE_ENV_FILE} in {} defines any",
                        dir.display()
                    )
                } else {
                    write!(
                        f,
                        "no environment `{name}` in {PUBLIC_ENV_FILE} or {PRIVATE_ENV_FILE} in \
                         {}; the environments are: {}",
                        dir.display(),
                        available.join(", ")
                    )
                }
            }
        }
    }
}

impl std::error::Error for EnvError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EnvError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// The variables of environment `name`: from `http-client.env.json`, then
/// `http-client.private.env.json` (which overrides it), both in `dir` and either may be absent.
/// Each file's `$shared` environment (`JetBrains`) comes first, under the named one. Numbers and
/// booleans become their JSON text; objects, arrays and `null` (client settings such as
/// `SSLConfiguration`) are not variables and are left out.
pub fn load_env(dir: &Path, name: &str) -> Result<BTreeMap<String, String>, EnvError> {
    let mut files = Vec::new();
    for file in [PUBLIC_ENV_FILE, PRIVATE_ENV_FILE] {
        let path = dir.join(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(EnvError::Io { path, error }),
        };
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|error| EnvError::Json {
                path: path.clone(),
                line: error.line(),
                column: error.column(),
                message: error.to_string(),
            })?;
        let serde_json::Value::Object(envs) = json else {
            return Err(EnvError::Shape {
                path,
                message: "the file is not an object of environments".to_owned(),
            });
        };
        files.push((path, envs));
    }
    let mut variables = BTreeMap::new();
    let mut found = false;
    for env_name in ["$shared", name] {
        for (path, envs) in &files {
            let Some(env) = envs.get(env_name) else {
                continue;
            };
            found |= env_name == name;
            let serde_json::Value::Object(values) = env else {
                return Err(EnvError::Shape {
                    path: path.clone(),
                    message: format!("the environment `{env_name}` is not an object of variables"),
                });
            };
            for (key, value) in values {
                let value = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                variables.insert(key.clone(), value);
            }
        }
    }
    if !found {
        let available: BTreeSet<String> = files
            .iter()
            .flat_map(|(_, envs)| envs.keys())
            .filter(|k| !k.starts_with('$'))
            .cloned()
            .collect();
        return Err(EnvError::UnknownEnvironment {
            name: name.to_owned(),
            available: available.into_iter().collect(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(variables)
}
