//! The real OS keyring: store, read, overwrite and delete a credential. Runs inside the test
//! command's D-Bus session with an unlocked GNOME Keyring (Secret Service).

use nhi_client::platform::keyring_store::KeyringStore;
use nhi_client::platform::SecureStore;

#[test]
fn credentials_round_trip_through_the_os_keyring() {
    let store = KeyringStore::open_service("NHI Express tests")
        .expect("the OS keyring must be reachable in the test environment");
    let key = format!("session-{}", std::process::id());

    assert_eq!(store.get(&key).unwrap(), None);
    store.set(&key, "token-1 王小明").unwrap();
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("token-1 王小明"));
    store.set(&key, "token-2").unwrap();
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("token-2"));

    // A second handle (as after an app restart) sees the same entry.
    let reopened = KeyringStore::open_service("NHI Express tests").unwrap();
    assert_eq!(reopened.get(&key).unwrap().as_deref(), Some("token-2"));

    store.delete(&key).unwrap();
    assert_eq!(store.get(&key).unwrap(), None);
    store.delete(&key).expect("deleting what is gone is fine");
}
