//! A secure store that lives in memory, for component tests only; the shipped app never
//! uses it (it has the OS keyring or, on the web, browser storage).

use std::collections::HashMap;
use std::sync::Mutex;

use nhi_client::platform::{SecureStore, SecureStoreError};

#[derive(Default)]
pub struct MemoryStore(Mutex<HashMap<String, String>>);

impl SecureStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, SecureStoreError> {
        Ok(self.0.lock().unwrap().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SecureStoreError> {
        self.0.lock().unwrap().insert(key.into(), value.into());
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecureStoreError> {
        self.0.lock().unwrap().remove(key);
        Ok(())
    }
    fn describe(&self, _: nhi_core::i18n::Lang) -> String {
        "memory (tests)".to_owned()
    }
}
