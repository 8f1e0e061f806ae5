package io.relais.alert;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Followings extends JpaRepository<Following, Following.Key> {

    Page<Following> findByIdUserIdOrderByFollowedAtDescIdFollowedIdAsc(String userId, Pageable page);

    List<Following> findByIdUserId(String userId);

    long countByIdUserId(String userId);
}
