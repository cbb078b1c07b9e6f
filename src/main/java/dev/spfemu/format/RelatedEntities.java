package dev.spfemu.format;

import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import java.util.List;

/**
 * The entities a navigation property leads to, for the writers of expanded navigation properties.
 * The protocol side implements it over the domain, so payload writers need know nothing of how
 * entities are stored or related; each entity it returns may be the source of a nested expansion.
 */
@FunctionalInterface
public interface RelatedEntities {

  /** For payloads that expand nothing. */
  RelatedEntities NONE = (entity, navigation) -> List.of();

  /**
   * The entities {@code navigation} leads to from {@code entity} (one the writer got from this
   * interface or with the payload), in the order to write them: at most one for a to-one navigation.
   */
  List<? extends EntityValues> of(EntityValues entity, NavigationModel navigation);
}
