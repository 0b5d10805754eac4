package co.vaultera.web.auth;

/**
 * Proof that the request carried the admin key. A controller method that declares a parameter of this type is an
 * admin route: the argument cannot be obtained any other way.
 */
public record AdminContext() {
}
