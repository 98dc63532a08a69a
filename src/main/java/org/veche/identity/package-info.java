/**
 * Who people are on the site: accounts, roles, sign-in, API tokens and the first
 * administrator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.veche.identity;
